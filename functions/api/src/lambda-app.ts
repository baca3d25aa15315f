import { loadOnce } from '@ey/runtime'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps, FirstStepDeps } from './api-deps.ts'
import { answerProblems, isHandedOver, mountFirstStepRoutes, useRequestBasics } from './app-parts.ts'
import { router } from './validation.ts'

/**
 * The API as the Lambda function runs it: the routes of a practitioner's first steps at start
 * (finding and booking a session, opening the booking; `mountFirstStepRoutes`), and every other
 * request (staff routes, a booking's later steps, the OpenAPI document; `isHandedOver`) handed to
 * the whole app (`createApp`), imported and built on the first such request. A cold start so loads
 * none of the other routes' code (registers, take-up, CSV, imports, token checks, questionnaires);
 * the first request that needs it loads it once per container. Answers are the same as
 * `createApp`'s: a request is handed to that app whole (its own request log line, body limit and
 * problems), before this app's own middleware sees it. `deps` are what the first steps use
 * (`wireFirstSteps`); `wholeDeps` makes the whole app's (`wireApi`), called once, with the first
 * request handed over.
 */
export function createLambdaApp(
  deps: FirstStepDeps,
  wholeDeps: () => ApiDeps | Promise<ApiDeps>,
): OpenAPIHono {
  const wholeApp = loadOnce(async () => (await import('./app.ts')).createApp(await wholeDeps()))
  const app = router()
  app.use('*', async (c, next) => {
    if (!isHandedOver(c.req.path)) return next()
    return (await wholeApp()).fetch(c.req.raw, c.env)
  })
  useRequestBasics(app, deps)
  mountFirstStepRoutes(app, deps)
  answerProblems(app, deps)
  return app
}
