import {
  BookingReceivedSchema,
  BookingRequestSchema,
  IdempotencyHeaderSchema,
  IdParamSchema,
  SessionPageSchema,
  SessionViewSchema,
} from '@ey/contract'
import {
  BOOKING_EXISTS_WINDOW_MINUTES,
  DomainError,
  requestBookingWithinLimits,
  searchSessions,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { clientAddress } from '../client-address.ts'
import { encodeCursor } from '../cursor.ts'
import { BEYOND_BOUNDS, problems } from '../openapi.ts'
import { sessionView } from '../present.ts'
import { router } from '../validation.ts'
import { ListingQuerySchema } from './session-query.ts'

/** `GET /api/sessions`, `GET /api/sessions/{id}` and `POST /api/sessions/{id}/bookings`. */
export function sessionRoutes(deps: FirstStepDeps): OpenAPIHono {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['sessions'],
        summary: 'Upcoming sessions, filtered, in start order',
        description:
          'Published sessions starting in [from, to), in start order, a page at a time. With `la`, only ' +
          'sessions a person from that local authority may book, and in-person ones only when their venue ' +
          'is in the same region as that local authority.',
        request: { query: ListingQuerySchema },
        responses: {
          200: {
            description: 'A page of sessions',
            content: { 'application/json': { schema: SessionPageSchema } },
          },
          ...problems(400),
          ...BEYOND_BOUNDS,
        },
      }),
      async (c) => {
        const { cursor, ...search } = c.req.valid('query')
        const page = await searchSessions(deps, { ...search, ...(cursor ? { after: cursor } : {}) })
        const now = deps.clock.now()
        const items = page.items.map(({ session, topics }) => sessionView(session, topics, now, deps.policy))
        return c.json({ items, nextCursor: page.next ? encodeCursor(page.next) : null }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['sessions'],
        summary: 'One session, with places left (a cancelled one answers status cancelled)',
        request: { params: IdParamSchema },
        responses: {
          200: { description: 'The session', content: { 'application/json': { schema: SessionViewSchema } } },
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const session = await deps.bookings.getSession(id)
        if (!session || session.status === 'draft') throw new DomainError('session-not-found')
        const course = await deps.catalogue.getCourse(session.courseId)
        return c.json(sessionView(session, course?.topics ?? [], deps.clock.now(), deps.policy), 200)
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/bookings',
        tags: ['bookings'],
        summary: 'Book a place, or join the waiting list when the session is full; the booking is emailed',
        description:
          'Answers 202 with the same body whether a booking was made (confirmed, or on the waiting list) or ' +
          'the address already holds a live booking of this session. In that case no second booking is ' +
          'made and the address is emailed the link to its existing booking (at most once per ' +
          `${BOOKING_EXISTS_WINDOW_MINUTES} minutes), so the answer never tells whether someone has booked. ` +
          'The booking, its reference and its private manage link are in the email, never in the answer. ' +
          'Idempotent by the Idempotency-Key header: a retry with the same key and body makes nothing new and ' +
          'answers the same 202 (no header tells a replay apart, as that would tell a new booking from an ' +
          'existing one); the same key with another body answers 422. Abuse limits, each configurable: requests ' +
          'per client address and per email address per minute (`LIMIT_BOOKING_PER_ADDRESS_PER_MINUTE`, ' +
          '`LIMIT_BOOKING_PER_EMAIL_PER_MINUTE`) and booking requests per email address per London day ' +
          '(`LIMIT_BOOKINGS_PER_EMAIL_PER_DAY`) answer 429 problem+json with Retry-After, its type naming the ' +
          'limit; they count a new booking and an existing one alike. A session whose waiting list is full (the ' +
          'larger of `LIMIT_WAITING_LIST_MINIMUM` and `LIMIT_WAITING_LIST_PER_PLACE` times the capacity) ' +
          'answers 409 `waiting-list-full`, whether or not the address holds a booking.',
        request: {
          params: IdParamSchema,
          headers: IdempotencyHeaderSchema,
          body: { required: true, content: { 'application/json': { schema: BookingRequestSchema } } },
        },
        responses: {
          202: {
            description:
              'Received: the booking, or the link to the one this address already holds, is emailed',
            content: { 'application/json': { schema: BookingReceivedSchema } },
          },
          ...problems(400, 403, 404, 409, 413, 415, 422, 429, 503),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const { 'Idempotency-Key': idempotencyKey } = c.req.valid('header')
        const person = c.req.valid('json')
        await requestBookingWithinLimits(
          deps,
          { address: clientAddress(c) },
          { sessionId: id, idempotencyKey, person },
        )
        return c.json({ sessionId: id, emailedTo: person.email }, 202)
      },
    )
}
