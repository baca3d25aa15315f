import { Logger } from '@ey/runtime'
import { handle } from 'hono/aws-lambda'
import { apiClients, apiConfigFromEnv, wireFirstSteps } from './deps.ts'
import { createLambdaApp } from './lambda-app.ts'

const config = await apiConfigFromEnv()
const clients = apiClients(config)
const logger = new Logger({ serviceName: 'api' })
const firstSteps = wireFirstSteps(config, clients, { logger })
const app = handle(
  createLambdaApp(firstSteps, async () =>
    (await import('./wire-api.ts')).wireApi(config, clients, { logger }),
  ),
)

/**
 * The API Gateway entry: what a practitioner's first steps use is built once per cold start, the
 * rest (and its modules) with the first request that needs it; then every event runs the app, its
 * log lines carrying the invocation's function and request (the logger's Lambda context).
 */
export const handler: typeof app = (event, context) => {
  if (context) logger.addContext(context)
  return app(event, context)
}
