import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { router } from '../validation.ts'
import { bookingAttendanceRoutes } from './booking-attendance.ts'
import { bookingCalendarRoutes } from './booking-calendar.ts'
import { bookingLookupRoutes } from './booking-lookup.ts'
import { bookingManageRoutes } from './booking-manage.ts'
import { bookingMoveRoutes } from './booking-move.ts'
import { bookingQuestionnaireRoutes } from './booking-questionnaires.ts'
import { bookingCertificateRoutes } from './certificates.ts'

/**
 * A booking opened by its manage token (status, cancelling, offers, LA sharing, calendar file) and
 * "find my bookings", under `/api/bookings`.
 */
export function bookingRoutes(deps: ApiDeps): OpenAPIHono {
  return router()
    .route('/', bookingManageRoutes(deps))
    .route('/', bookingCalendarRoutes(deps))
    .route('/', bookingLookupRoutes(deps))
}

/**
 * A booking's later steps, under `/api/bookings`: moving it, attendance and check-in, the
 * certificate and the questionnaires.
 */
export function bookingLaterStepRoutes(deps: ApiDeps): OpenAPIHono {
  return router()
    .route('/', bookingMoveRoutes(deps))
    .route('/', bookingAttendanceRoutes(deps))
    .route('/', bookingCertificateRoutes(deps))
    .route('/', bookingQuestionnaireRoutes(deps))
}
