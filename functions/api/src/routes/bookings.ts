import type { OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { router } from '../validation.ts'
import { bookingCalendarRoutes } from './booking-calendar.ts'
import { bookingLookupRoutes } from './booking-lookup.ts'
import { bookingManageRoutes } from './booking-manage.ts'

/**
 * A booking opened by its manage token (status, cancelling, offers, LA sharing, calendar file) and
 * "find my bookings", under `/api/bookings`.
 */
export function bookingRoutes(deps: FirstStepDeps): OpenAPIHono {
  return router()
    .route('/', bookingManageRoutes(deps))
    .route('/', bookingCalendarRoutes(deps))
    .route('/', bookingLookupRoutes(deps))
}
