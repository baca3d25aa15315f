import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from './api-deps.ts'
import { answerProblems, mountFirstStepRoutes, useRequestBasics } from './app-parts.ts'
import { serveOpenApi } from './openapi.ts'
import { adminRoutes } from './routes/admin.ts'
import { bookingLaterStepRoutes } from './routes/booking-later-steps.ts'
import { bookingMaterialRoutes, courseMaterialsRoutes } from './routes/booking-materials.ts'
import { certificateRoutes } from './routes/certificates.ts'
import { laRoutes } from './routes/la.ts'
import { laDownloadRoutes } from './routes/la-downloads.ts'
import { courseMaterialRoutes, sessionMaterialRoutes } from './routes/materials.ts'
import { staffRoutes, staffSignInRoutes } from './routes/staff.ts'
import { staffResultsRoutes } from './routes/staff-results.ts'
import { trainerRoutes } from './routes/trainer.ts'
import { router } from './validation.ts'

export { LARGE_BODY_PATHS, MAX_BODY_BYTES } from './app-parts.ts'

/**
 * The HTTP API under `/api`, as a value: the local Node server and the tests run this same app with
 * their own dependencies, and the Lambda handler's app (`createLambdaApp`) hands it every request
 * but a practitioner's first steps. Every route is here, so the OpenAPI document it serves lists them all.
 */
export function createApp(deps: ApiDeps): OpenAPIHono {
  const app = router()
  useRequestBasics(app, deps)
  mountFirstStepRoutes(app, deps)
  app.route('/api/courses', courseMaterialsRoutes(deps))
  app.route('/api/bookings', bookingLaterStepRoutes(deps))
  app.route('/api/bookings', bookingMaterialRoutes(deps))
  app.route('/api/certificates', certificateRoutes(deps))
  app.route('/api/trainer', trainerRoutes(deps))
  app.route('/api/trainer', sessionMaterialRoutes(deps))
  app.route('/api/admin', adminRoutes(deps))
  app.route('/api/admin', courseMaterialRoutes(deps))
  app.route('/api/staff', staffResultsRoutes(deps, deps.results))
  app.route('/api/staff', staffRoutes(deps))
  app.route('/api/la', laRoutes(deps))
  app.route('/api/la', laDownloadRoutes(deps))
  app.route('/api/auth', staffSignInRoutes(deps))
  serveOpenApi(app, '/api/openapi.json')
  answerProblems(app, deps)
  return app
}
