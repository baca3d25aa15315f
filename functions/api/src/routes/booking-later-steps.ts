import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { router } from '../validation.ts'
import { bookingAttendanceRoutes } from './booking-attendance.ts'
import { bookingMoveRoutes } from './booking-move.ts'
import { bookingQuestionnaireRoutes } from './booking-questionnaires.ts'
import { bookingCertificateRoutes } from './certificates.ts'

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
