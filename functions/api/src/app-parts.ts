import type { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import type { ApiDeps, FirstStepDeps } from './api-deps.ts'
import { requestLogging } from './logging.ts'
import { notFoundHandler, problemHandler } from './problem.ts'
import { alertRoutes } from './routes/alerts.ts'
import { bookingRoutes } from './routes/bookings.ts'
import { courseRoutes } from './routes/courses.ts'
import { healthRoutes } from './routes/health.ts'
import { sessionRoutes } from './routes/sessions.ts'

// The parts both compositions of the API share (`createApp` in app.ts, `createLambdaApp` in
// lambda-app.ts): what every request goes through, the first steps' routes, and the problem answers.

/** Booking forms are small; anything larger is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024

/** Uploads that set their own, larger limit on their route (the session import file). */
export const LARGE_BODY_PATHS = ['/api/admin/sessions/import']

/**
 * What the Lambda's app hands to the whole app (see `createLambdaApp`): the staff routes (trainers,
 * administrators, LA officers, staff sign-in), the OpenAPI document that lists every route, and a
 * booking's later steps (moving, attendance and check-in, certificates, questionnaires, materials).
 */
const HANDED_OVER = [
  /^\/api\/(trainer|admin|staff|la|auth|certificates)(\/|$)/,
  /^\/api\/openapi\.json$/,
  /^\/api\/bookings\/[^/]+\/(move|move-options|attendance|check-in|certificate|certificate\.pdf|questionnaires|materials)(\/|$)/,
  /^\/api\/courses\/[^/]+\/materials(\/|$)/,
]

/** Whether the Lambda's app hands a request for `path` to the whole app: see `HANDED_OVER`. */
export function isHandedOver(path: string): boolean {
  return HANDED_OVER.some((pattern) => pattern.test(path))
}

/** One log line per request (see `requestLogging`) and the body size limit. */
export function useRequestBasics(app: OpenAPIHono, deps: Pick<ApiDeps, 'logger'>): void {
  app.use('*', requestLogging(deps.logger))
  const smallBodies = bodyLimit({ maxSize: MAX_BODY_BYTES })
  app.use('/api/*', (c, next) =>
    LARGE_BODY_PATHS.some((path) => c.req.path.startsWith(path)) ? next() : smallBodies(c, next),
  )
}

/**
 * The routes of a practitioner's first steps, which any request may be: health, finding a course
 * or session, booking it, opening the booking from its link ("find my bookings" too), and interest
 * alerts. Everything else is handed over (`isHandedOver`).
 */
export function mountFirstStepRoutes(app: OpenAPIHono, deps: FirstStepDeps): void {
  app.route('/api/health', healthRoutes())
  app.route('/api/courses', courseRoutes(deps))
  app.route('/api/sessions', sessionRoutes(deps))
  app.route('/api/bookings', bookingRoutes(deps))
  app.route('/api/alerts', alertRoutes(deps))
}

/** Unknown routes and thrown errors answered as problems. */
export function answerProblems(app: OpenAPIHono, deps: Pick<ApiDeps, 'logger'>): void {
  app.notFound(notFoundHandler)
  app.onError(problemHandler(deps.logger))
}
