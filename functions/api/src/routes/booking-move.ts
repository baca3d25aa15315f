import {
  IdempotencyHeaderSchema,
  IdParamSchema,
  MoveOptionsSchema,
  MoveRequestSchema,
  NewBookingViewSchema,
} from '@ey/contract'
import { findMoveOptions, moveBooking, type Topic } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { newBookingView, sessionView } from '../present.ts'
import { router } from '../validation.ts'

/**
 * `GET /api/bookings/{id}/move-options` and `POST /api/bookings/{id}/move`: the other dates of the
 * booking's course, and moving to one of them in one step, the new place taken before the old is let go.
 */
export function bookingMoveRoutes(deps: ApiDeps): OpenAPIHono {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/move-options',
        tags: ['bookings'],
        summary: 'Other dates of the same course this booking could move to, in start order',
        security: [{ manageToken: [] }],
        request: { params: IdParamSchema },
        responses: {
          200: {
            description: 'Sessions taking bookings and open to the person’s local authority',
            content: { 'application/json': { schema: MoveOptionsSchema } },
          },
          ...problems(400, 401, 404, 410),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const sessions = await findMoveOptions(deps, id, bearerToken(c.req.header('Authorization')))
        const now = deps.clock.now()
        const topics = new Map<string, readonly Topic[]>()
        for (const courseId of new Set(sessions.map((s) => s.courseId))) {
          topics.set(courseId, (await deps.catalogue.getCourse(courseId))?.topics ?? [])
        }
        const items = sessions.map((s) => sessionView(s, topics.get(s.courseId) ?? [], now, deps.policy))
        return c.json({ items }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/move',
        tags: ['bookings'],
        summary: 'Move the booking to another date of the same course',
        description:
          'The new place is booked before the old one is cancelled. A confirmed place moves only onto a free ' +
          'place (409 and no change otherwise); a waiting booking may join the other date’s queue. Answers ' +
          'the new booking, with its own id and manage token. Idempotent by the Idempotency-Key header.',
        security: [{ manageToken: [] }],
        request: {
          params: IdParamSchema,
          headers: IdempotencyHeaderSchema,
          body: { required: true, content: { 'application/json': { schema: MoveRequestSchema } } },
        },
        responses: {
          201: {
            description: 'The new booking',
            content: { 'application/json': { schema: NewBookingViewSchema } },
          },
          ...problems(400, 401, 403, 404, 409, 410, 422, 503),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const { 'Idempotency-Key': idempotencyKey } = c.req.valid('header')
        const { sessionId } = c.req.valid('json')
        const token = bearerToken(c.req.header('Authorization'))
        const result = await moveBooking(deps, {
          bookingId: id,
          token,
          toSessionId: sessionId,
          idempotencyKey,
        })
        return c.json(newBookingView(result, deps.siteUrl), 201, {
          Location: `/api/bookings/${result.booking.id}`,
          ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
        })
      },
    )
}
