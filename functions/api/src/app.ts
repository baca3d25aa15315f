import type { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import type { ApiDeps } from './api-deps.ts'
import { requestLogging } from './logging.ts'
import { serveOpenApi } from './openapi.ts'
import { notFoundHandler, problemHandler } from './problem.ts'
import { adminRoutes } from './routes/admin.ts'
import { alertRoutes } from './routes/alerts.ts'
import { bookingMaterialRoutes, courseMaterialsRoutes } from './routes/booking-materials.ts'
import { bookingRoutes } from './routes/bookings.ts'
import { certificateRoutes } from './routes/certificates.ts'
import { courseRoutes } from './routes/courses.ts'
import { healthRoutes } from './routes/health.ts'
import { laRoutes } from './routes/la.ts'
import { laDownloadRoutes } from './routes/la-downloads.ts'
import { courseMaterialRoutes, sessionMaterialRoutes } from './routes/materials.ts'
import { sessionRoutes } from './routes/sessions.ts'
import { staffRoutes, staffSignInRoutes } from './routes/staff.ts'
import { staffResultsRoutes } from './routes/staff-results.ts'
import { trainerRoutes } from './routes/trainer.ts'
import { router } from './validation.ts'

/** Booking forms are small; anything larger is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024

/** Uploads that set their own, larger limit on their route (the session import file). */
export const LARGE_BODY_PATHS = ['/api/admin/sessions/import']

/**
 * The HTTP API under `/api`, as a value: the Lambda handler, the local Node server and the tests
 * all run this same app with their own dependencies.
 */
export function createApp(deps: ApiDeps): OpenAPIHono {
  const app = router()
  app.use('*', requestLogging(deps.logger))
  const smallBodies = bodyLimit({ maxSize: MAX_BODY_BYTES })
  app.use('/api/*', (c, next) =>
    LARGE_BODY_PATHS.some((path) => c.req.path.startsWith(path)) ? next() : smallBodies(c, next),
  )
  app.route('/api/health', healthRoutes())
  app.route('/api/courses', courseRoutes(deps))
  app.route('/api/courses', courseMaterialsRoutes(deps))
  app.route('/api/sessions', sessionRoutes(deps))
  app.route('/api/bookings', bookingRoutes(deps))
  app.route('/api/bookings', bookingMaterialRoutes(deps))
  app.route('/api/alerts', alertRoutes(deps))
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
  app.notFound(notFoundHandler)
  app.onError(problemHandler(deps.logger))
  return app
}
