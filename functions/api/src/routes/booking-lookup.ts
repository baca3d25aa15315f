import { BookingLookupAnswerSchema, BookingLookupRequestSchema } from '@ey/contract'
import { requestBookingList } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

const ANSWER = {
  message: 'If this email address has any upcoming bookings, we have sent it a list of them.',
}

/**
 * `POST /api/bookings/lookup`: "find my bookings". Answers 202 with the same body whether or not
 * the address is known, so it never tells who has booked; the list goes only to the address itself.
 */
export function bookingLookupRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/lookup',
      tags: ['bookings'],
      summary: 'Email the address a list of its live bookings, each with its manage link',
      description:
        'Always 202 with the same body for a well-formed address. At most one list is sent to an address ' +
        'every few minutes, however often it is asked for.',
      request: {
        body: { required: true, content: { 'application/json': { schema: BookingLookupRequestSchema } } },
      },
      responses: {
        202: {
          description: 'Accepted',
          content: { 'application/json': { schema: BookingLookupAnswerSchema } },
        },
        ...problems(400, 413, 415),
      },
    }),
    async (c) => {
      const { email } = c.req.valid('json')
      await requestBookingList(deps, email)
      return c.json(ANSWER, 202)
    },
  )
}
