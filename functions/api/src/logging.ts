import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { LambdaContext } from 'hono/aws-lambda'
import { routePath } from 'hono/route'
import type { ApiLogger } from './api-deps.ts'

/** What the Lambda adapter puts in `c.env`; absent when the app runs in Node or in tests. */
interface LambdaBindings {
  lambdaContext?: LambdaContext
}

/**
 * Tags every log line of a request with its id (the Lambda's when there is one) and writes one
 * line per request: method, route pattern (never the path, which may carry a booking id), status
 * and duration; never a token, an email address or a name. Keys are reset after each request so
 * none leaks into the next.
 */
export function requestLogging(logger: ApiLogger): MiddlewareHandler {
  return async (c, next) => {
    const lambdaContext = (c.env as LambdaBindings | undefined)?.lambdaContext
    logger.appendKeys({ requestId: lambdaContext?.awsRequestId ?? randomUUID() })
    const started = performance.now()
    try {
      await next()
      logger.info('request', {
        method: c.req.method,
        route: routePath(c, -1),
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
      })
    } finally {
      logger.resetKeys()
    }
  }
}
