import { handle } from 'hono/aws-lambda'
import { createApp } from './app.ts'
import { apiClients, apiConfigFromEnv, wireApi } from './deps.ts'

const config = await apiConfigFromEnv()

/** The API Gateway entry: dependencies are built once per cold start, then every event runs the app. */
export const handler = handle(createApp(wireApi(config, apiClients(config))))
