import { handle } from 'hono/aws-lambda'
import { apiClients, apiConfigFromEnv, wireFirstSteps } from './deps.ts'
import { createLambdaApp } from './lambda-app.ts'

const config = await apiConfigFromEnv()
const clients = apiClients(config)
const firstSteps = wireFirstSteps(config, clients)

/**
 * The API Gateway entry: what a practitioner's first steps use is built once per cold start, the
 * rest (and its modules) with the first request that needs it; then every event runs the app.
 */
export const handler = handle(
  createLambdaApp(firstSteps, async () =>
    (await import('./wire-api.ts')).wireApi(config, clients, { logger: firstSteps.logger }),
  ),
)
