import { IdParamSchema } from '@ey/contract'
import { openBooking } from '@ey/domain'
import { bookingPageUrl } from '@ey/presentation'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { FirstStepDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * `GET /api/bookings/{id}/calendar`: the booking's calendar file, opened by its manage token (the
 * site fetches it with the token in a header and hands it to the browser, so the token never sits
 * in a URL). The same file the confirmation email carries; a cancelled booking's file removes the events.
 */
export function bookingCalendarRoutes(deps: FirstStepDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/calendar',
      tags: ['bookings'],
      summary: 'The booking as an iCalendar file (RFC 5545), in London time',
      security: [{ manageToken: [] }],
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'One event per part of the session',
          content: { 'text/calendar': { schema: z.string() } },
        },
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const token = bearerToken(c.req.header('Authorization'))
      const { booking } = await openBooking(deps, id, token)
      // ical-generator and the London time zone (about 65 KB bundled) load on the first calendar file only.
      const { bookingCalendar } = await import('@ey/mail/calendar')
      const ics = bookingCalendar(booking, {
        bookingPageUrl: bookingPageUrl(deps.siteUrl, booking.id),
        domain: new URL(deps.siteUrl).hostname,
      })
      return c.body(ics, 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="training-${booking.reference}.ics"`,
        // The file names the booking and its session: no shared cache may keep it.
        'Cache-Control': 'private, no-store',
      })
    },
  )
}
