import { BookingViewSchema, IdParamSchema } from '@ey/contract'
import {
  acceptOffer,
  agreeLaSharing,
  type BookingDeps,
  cancelBooking,
  declineOffer,
  type ManagedBooking,
  openBooking,
  withdrawLaSharing,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { bookingView } from '../present.ts'
import { router } from '../validation.ts'

type ManageAction = (deps: BookingDeps, bookingId: string, token: string) => Promise<ManagedBooking>

const ACTIONS: { method: 'get' | 'delete' | 'post'; path: string; summary: string; action: ManageAction }[] =
  [
    { method: 'get', path: '/{id}', summary: 'The booking, its status and its session', action: openBooking },
    {
      method: 'delete',
      path: '/{id}',
      summary: 'Cancel the booking (or leave the waiting list); the place goes to the next in line',
      action: cancelBooking,
    },
    {
      method: 'post',
      path: '/{id}/offer/accept',
      summary: 'Take up the place offered from the waiting list',
      action: acceptOffer,
    },
    {
      method: 'post',
      path: '/{id}/offer/decline',
      summary: 'Turn down the place offered',
      action: declineOffer,
    },
    {
      method: 'post',
      path: '/{id}/la-sharing/withdraw',
      summary:
        'Stop sharing this booking with your LA: its next attendee list leaves it out. Recorded with its ' +
        'time and the privacy notice’s version; safe to repeat',
      action: withdrawLaSharing,
    },
    {
      method: 'post',
      path: '/{id}/la-sharing/agree',
      summary:
        'Share this booking with your LA (again): its next attendee lists include it. Recorded with its ' +
        'time and the privacy notice’s version; safe to repeat',
      action: agreeLaSharing,
    },
  ]

/**
 * `/api/bookings/{id}`, its offer actions and the answer about sharing with the LA, opened by the booking's manage token. A wrong token
 * answers 404 like an unknown id, so ids cannot be probed.
 */
export function bookingManageRoutes(deps: FirstStepDeps): OpenAPIHono {
  const app = router()
  for (const { method, path, summary, action } of ACTIONS) {
    app.openapi(
      createRoute({
        method,
        path,
        tags: ['bookings'],
        summary,
        security: [{ manageToken: [] }],
        request: { params: IdParamSchema },
        responses: {
          200: { description: 'The booking', content: { 'application/json': { schema: BookingViewSchema } } },
          ...problems(400, 401, 404, 409, 410, 503),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const managed = await action(deps, id, bearerToken(c.req.header('Authorization')))
        const session = await deps.bookings.getSession(managed.booking.sessionId)
        return c.json(bookingView(managed, session), 200)
      },
    )
  }
  return app
}
