import { handle } from 'hono/aws-lambda'
import { createApp } from './app.ts'
import { buildDeps } from './deps.ts'

/** The API Gateway entry: dependencies are built once per cold start, then every event runs the app. */
export const handler = handle(createApp(await buildDeps()))
