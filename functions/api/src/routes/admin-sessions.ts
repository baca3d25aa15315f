import {
  type AdminSession,
  AdminSessionListSchema,
  AdminSessionRangeQuerySchema,
  AdminSessionSchema,
  CapacityChangeSchema,
  IdParamSchema,
  SessionCancelledSchema,
  SessionInputSchema,
} from '@ey/contract'
import {
  assertRangeWithin,
  cancelSession,
  changeCapacity,
  DomainError,
  editSession,
  QUERY_BOUNDS,
  type Session,
  scheduleSession,
  setSessionStatus,
  toLondonIso,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { BEYOND_BOUNDS } from '../openapi.ts'
import { router } from '../validation.ts'

const DAY_MS = 86_400_000

/** A session with every instant in London time. */
export function adminSessionView(session: Session): AdminSession {
  const at = (instant: string | undefined) => (instant ? toLondonIso(instant) : undefined)
  return {
    ...session,
    parts: session.parts.map((part) => ({
      startsAt: toLondonIso(part.startsAt),
      endsAt: toLondonIso(part.endsAt),
    })),
    ...(session.bookingOpensAt ? { bookingOpensAt: at(session.bookingOpensAt) } : {}),
    ...(session.bookingClosesAt ? { bookingClosesAt: at(session.bookingClosesAt) } : {}),
    createdAt: toLondonIso(session.createdAt),
    updatedAt: toLondonIso(session.updatedAt),
  }
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** The administrators' session routes under `/api/admin/sessions`. */
export function adminSessionRoutes(deps: ApiDeps): OpenAPIHono {
  const admin = deps
  const guard = [requireStaff(deps.staff, 'admin')]
  const byId = { params: IdParamSchema }
  const base = { tags: ['admin'], security: STAFF_SECURITY, middleware: guard }

  async function load(id: string): Promise<Session> {
    const session = await admin.sessions.getSession(id)
    if (!session) throw new DomainError('session-not-found')
    return session
  }

  return router()
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/sessions',
        summary: 'Every session starting in a range, drafts and cancelled ones included',
        request: { query: AdminSessionRangeQuerySchema },
        responses: {
          200: json(AdminSessionListSchema, 'Sessions by start'),
          ...staffProblems(400, 401, 403),
          ...BEYOND_BOUNDS,
        },
      }),
      async (c) => {
        const { from, to } = c.req.valid('query')
        const now = deps.clock.now().getTime()
        const range = {
          from: from ? new Date(from) : new Date(now - 31 * DAY_MS),
          to: to ? new Date(to) : new Date(now + 400 * DAY_MS),
        }
        assertRangeWithin(range, QUERY_BOUNDS.adminSessionDays)
        const sessions = await admin.sessions.listSessions(range)
        return c.json({ items: sessions.map(adminSessionView) }, 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/sessions',
        summary: 'Schedule a session (draft or published); times are London dates and times',
        request: {
          body: { required: true, content: { 'application/json': { schema: SessionInputSchema } } },
        },
        responses: {
          201: json(AdminSessionSchema, 'The new session'),
          ...staffProblems(400, 401, 403, 413, 415),
        },
      }),
      async (c) => c.json(adminSessionView(await scheduleSession(admin, c.req.valid('json'))), 201),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/sessions/{id}',
        summary: 'One session, draft or not',
        request: byId,
        responses: { 200: json(AdminSessionSchema, 'The session'), ...staffProblems(400, 401, 403, 404) },
      }),
      async (c) => c.json(adminSessionView(await load(c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/sessions/{id}',
        summary: 'Edit a session: details, capacity (never below places held) and times (people are told)',
        request: {
          ...byId,
          body: { required: true, content: { 'application/json': { schema: SessionInputSchema } } },
        },
        responses: {
          200: json(AdminSessionSchema, 'The session as saved'),
          ...staffProblems(400, 401, 403, 404, 409, 413, 415),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const session = await editSession(admin, id, c.req.valid('json'), staffOf(c).sub)
        return c.json(adminSessionView(session), 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/sessions/{id}/capacity',
        summary:
          'Change the capacity: never below the places held; raising it promotes from the waiting list',
        request: {
          ...byId,
          body: { required: true, content: { 'application/json': { schema: CapacityChangeSchema } } },
        },
        responses: {
          200: json(AdminSessionSchema, 'The session'),
          ...staffProblems(400, 401, 403, 404, 409, 413, 415),
        },
      }),
      async (c) => {
        const session = await changeCapacity(admin, c.req.valid('param').id, c.req.valid('json').capacity)
        return c.json(adminSessionView(session), 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/sessions/{id}/publish',
        summary: 'Publish a draft: it lists and takes bookings within its window',
        request: byId,
        responses: {
          200: json(AdminSessionSchema, 'The session'),
          ...staffProblems(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(adminSessionView(await setSessionStatus(admin, c.req.valid('param').id, 'published')), 200),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/sessions/{id}/unpublish',
        summary: 'Take a published session back to draft: it no longer lists or takes bookings',
        request: byId,
        responses: {
          200: json(AdminSessionSchema, 'The session'),
          ...staffProblems(400, 401, 403, 404, 409),
        },
      }),
      async (c) =>
        c.json(adminSessionView(await setSessionStatus(admin, c.req.valid('param').id, 'draft')), 200),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/sessions/{id}/cancel',
        summary: 'Cancel a session and every booking of it; each person is emailed. Safe to repeat',
        request: byId,
        responses: {
          200: json(SessionCancelledSchema, 'The cancelled session'),
          ...staffProblems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { session, cancelled } = await cancelSession(admin, c.req.valid('param').id, staffOf(c).sub)
        return c.json({ session: adminSessionView(session), cancelled }, 200)
      },
    )
}
