import { BookingLookupAnswerSchema, BookingLookupRequestSchema } from '@ey/contract'
import { admitBookingLookup, renewManageLinks, requestBookingList } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { clientAddress } from '../client-address.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

const ANSWER = {
  message: 'If this email address has any upcoming bookings, we have sent it a list of them.',
}

const NEW_LINKS_ANSWER = {
  message:
    'If this email address has any bookings, we have sent it new links to them. The links sent before no longer work.',
}

/**
 * `POST /api/bookings/lookup`: "find my bookings", or with `newLinks` "send me new links" (see
 * `renewManageLinks`). Answers 202 with the same body whether or not the address is known, so it
 * never tells who has booked; the list goes only to the address itself.
 */
export function bookingLookupRoutes(deps: FirstStepDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/lookup',
      tags: ['bookings'],
      summary: 'Email the address a list of its live bookings, each with its manage link (or new links)',
      description:
        'Always 202 with the same body for a well-formed address, whether or not it has bookings. At most one ' +
        'list is sent to an address every few minutes, however often it is asked for. With `newLinks: true`, ' +
        'every booking of the address whose links still work gets a new link, the old ones answer 410 ' +
        '(`manage-link-replaced`) from then on, and one email carries the new links; at most once every few ' +
        'minutes per address, asking again within them changes nothing. ' +
        'Limited per client address and per email address per minute (`LIMIT_LOOKUP_PER_ADDRESS_PER_MINUTE`, ' +
        '`LIMIT_LOOKUP_PER_EMAIL_PER_MINUTE`): beyond them it answers 429 problem+json with Retry-After, whether ' +
        'or not the address has bookings.',
      request: {
        body: { required: true, content: { 'application/json': { schema: BookingLookupRequestSchema } } },
      },
      responses: {
        202: {
          description: 'Accepted',
          content: { 'application/json': { schema: BookingLookupAnswerSchema } },
        },
        ...problems(400, 413, 415, 429, 503),
      },
    }),
    async (c) => {
      const { email, newLinks } = c.req.valid('json')
      await admitBookingLookup(deps, { address: clientAddress(c) }, email)
      if (newLinks) {
        await renewManageLinks(deps, email)
        return c.json(NEW_LINKS_ANSWER, 202)
      }
      await requestBookingList(deps, email)
      return c.json(ANSWER, 202)
    },
  )
}
