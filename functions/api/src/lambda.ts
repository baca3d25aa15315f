import { handle } from 'hono/aws-lambda'
import { apiClients, apiConfigFromEnv, wireApi } from './deps.ts'
import { createLambdaApp } from './lambda-app.ts'

const config = await apiConfigFromEnv()

/** The API Gateway entry: dependencies are built once per cold start, then every event runs the app. */
export const handler = handle(createLambdaApp(wireApi(config, apiClients(config))))
