import { loadOnce } from '@ey/runtime'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from './api-deps.ts'
import { answerProblems, isStaffPath, mountPublicRoutes, useRequestBasics } from './app-parts.ts'
import { router } from './validation.ts'

/**
 * The API as the Lambda function runs it: the public routes at start, and every staff route (and
 * the OpenAPI document) from the whole app (`createApp`), imported and built on the first staff
 * request. A practitioner's cold start so loads none of the staff routes' code (registers, take-up,
 * CSV, imports, token checks); the first staff request loads it once per container. Answers are
 * the same as `createApp`'s: a staff request is handed to that app whole (its own request log line,
 * body limit and problems), before this app's own middleware sees it.
 */
export function createLambdaApp(deps: ApiDeps): OpenAPIHono {
  const wholeApp = loadOnce(async () => (await import('./app.ts')).createApp(deps))
  const app = router()
  app.use('*', async (c, next) => {
    if (!isStaffPath(c.req.path)) return next()
    return (await wholeApp()).fetch(c.req.raw, c.env)
  })
  useRequestBasics(app, deps)
  mountPublicRoutes(app, deps)
  answerProblems(app, deps)
  return app
}
