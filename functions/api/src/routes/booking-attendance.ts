import { AttendanceSummarySchema, CheckedInSchema, CheckInSchema, IdParamSchema } from '@ey/contract'
import {
  admitCheckIn,
  attendanceOf,
  CODE_ATTEMPT_POLICY,
  checkInWithCode,
  openBooking,
  registersOf,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { clientAddress } from '../client-address.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * The participant's side of the register, opened by the booking's manage token:
 * `GET /api/bookings/{id}/attendance` (what each part's register says of them) and
 * `POST /api/bookings/{id}/check-in` (check in to an online part with the trainer's code).
 */
export function bookingAttendanceRoutes(deps: ApiDeps): OpenAPIHono {
  const app = router()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/attendance',
      tags: ['bookings'],
      summary: "The booking's attendance per part and whether the course was completed",
      security: [{ manageToken: [] }],
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'Attendance so far',
          content: { 'application/json': { schema: AttendanceSummarySchema } },
        },
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const { booking } = await openBooking(
        deps,
        c.req.valid('param').id,
        bearerToken(c.req.header('Authorization')),
      )
      const [registers, course] = await Promise.all([
        registersOf(deps.registers, booking),
        deps.catalogue.getCourse(booking.session.courseId),
      ])
      return c.json(attendanceOf(booking, registers, course), 200, { 'Cache-Control': 'private, no-store' })
    },
  )
  return app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/check-in',
      tags: ['bookings'],
      summary: 'Check in with the attendance code the trainer shows; the trainer confirms it',
      description:
        `After ${CODE_ATTEMPT_POLICY.maxMisses} wrong codes within ${CODE_ATTEMPT_POLICY.windowMinutes} minutes, ` +
        `code entry for the booking locks for ${CODE_ATTEMPT_POLICY.lockMinutes} minutes: every try, the right code ` +
        'included, answers 429 with Retry-After until the lock ends. A write that loses a race (a room ' +
        'checking in at once) is retried after a jittered backoff; 503 only after 8 attempts. Check-ins are also ' +
        'limited per client address and per booking per minute (`LIMIT_CHECK_IN_PER_ADDRESS_PER_MINUTE`, ' +
        '`LIMIT_CHECK_IN_PER_BOOKING_PER_MINUTE`): beyond them, 429 problem+json with Retry-After.',
      security: [{ manageToken: [] }],
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: CheckInSchema } } },
      },
      responses: {
        200: {
          description: 'Checked in to this part (from 0)',
          content: { 'application/json': { schema: CheckedInSchema } },
        },
        ...problems(400, 401, 404, 409, 410, 429, 503),
      },
    }),
    async (c) => {
      const token = bearerToken(c.req.header('Authorization'))
      const { id } = c.req.valid('param')
      await admitCheckIn(deps, { address: clientAddress(c) }, id)
      const result = await checkInWithCode(deps, id, token, c.req.valid('json').code)
      return c.json(result, 200)
    },
  )
}
