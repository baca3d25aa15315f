import type { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import type { ApiDeps } from './api-deps.ts'
import { requestLogging } from './logging.ts'
import { notFoundHandler, problemHandler } from './problem.ts'
import { alertRoutes } from './routes/alerts.ts'
import { bookingMaterialRoutes, courseMaterialsRoutes } from './routes/booking-materials.ts'
import { bookingRoutes } from './routes/bookings.ts'
import { certificateRoutes } from './routes/certificates.ts'
import { courseRoutes } from './routes/courses.ts'
import { healthRoutes } from './routes/health.ts'
import { sessionRoutes } from './routes/sessions.ts'

// The parts both compositions of the API share (`createApp` in app.ts, `createLambdaApp` in
// lambda-app.ts): what every request goes through, the public routes, and the problem answers.

/** Booking forms are small; anything larger is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024

/** Uploads that set their own, larger limit on their route (the session import file). */
export const LARGE_BODY_PATHS = ['/api/admin/sessions/import']

/**
 * Where the staff routes live (trainers, administrators, LA officers, staff sign-in), and the
 * OpenAPI document that lists every route: everything under `/api` but the public routes.
 */
export const STAFF_PATH_PREFIXES = [
  '/api/trainer',
  '/api/admin',
  '/api/staff',
  '/api/la',
  '/api/auth',
  '/api/openapi.json',
]

/** Whether `path` is a staff route's (or the OpenAPI document's): see `STAFF_PATH_PREFIXES`. */
export function isStaffPath(path: string): boolean {
  return STAFF_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/** One log line per request (see `requestLogging`) and the body size limit. */
export function useRequestBasics(app: OpenAPIHono, deps: ApiDeps): void {
  app.use('*', requestLogging(deps.logger))
  const smallBodies = bodyLimit({ maxSize: MAX_BODY_BYTES })
  app.use('/api/*', (c, next) =>
    LARGE_BODY_PATHS.some((path) => c.req.path.startsWith(path)) ? next() : smallBodies(c, next),
  )
}

/** The routes anyone may call: health, the catalogue, sessions, bookings, alerts and certificates. */
export function mountPublicRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.route('/api/health', healthRoutes())
  app.route('/api/courses', courseRoutes(deps))
  app.route('/api/courses', courseMaterialsRoutes(deps))
  app.route('/api/sessions', sessionRoutes(deps))
  app.route('/api/bookings', bookingRoutes(deps))
  app.route('/api/bookings', bookingMaterialRoutes(deps))
  app.route('/api/alerts', alertRoutes(deps))
  app.route('/api/certificates', certificateRoutes(deps))
}

/** Unknown routes and thrown errors answered as problems. */
export function answerProblems(app: OpenAPIHono, deps: ApiDeps): void {
  app.notFound(notFoundHandler)
  app.onError(problemHandler(deps.logger))
}
