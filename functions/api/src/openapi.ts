import { ProblemSchema } from '@ey/contract'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type * as z from 'zod'

/** The document's header; paths and schemas come from the routes themselves. */
const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Early years SEND training API',
    version: '1.0.0',
    description:
      'Find and book free SEND training sessions for early-years practitioners, parents and carers. ' +
      'Errors are application/problem+json (RFC 9457) with a stable `code` and `errors[]` naming each field. ' +
      'Times are ISO 8601 with the Europe/London offset.',
  },
  servers: [{ url: '/' }],
}

/** Serves the OpenAPI 3.1 document at `path`, with the manage-token, alert stop-token and staff security schemes. */
export function serveOpenApi(app: OpenAPIHono, path: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'manageToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token in the manage link emailed with the booking (a move answers the new one)',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'alertStopToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The stop token in the link of an interest alert email (or the `token` query parameter)',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffBearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'The ID token from staff sign-in (Cognito in AWS; locally `pnpm staff-token -- --user admin`)',
  })
  app.doc31(path, DOCUMENT)
}

/** A route's JSON response of `schema`. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

/** A route's required JSON request body of `schema`. */
export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** Problem responses for a route's documented error statuses. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'A problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  )
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each field at fault',
  401: 'No manage token was sent',
  403: 'The session is only for people from other local authorities',
  404: 'Not found',
  409: 'The session or booking does not allow this now',
  410:
    'The manage link no longer works: `manage-link-expired` (the session ended more than the configured ' +
    'days ago, 90 by default) or `manage-link-replaced` (new links were sent since; use the newest)',
  413: 'The body is larger than 16 KB',
  415: 'The body is not JSON',
  422: 'The Idempotency-Key was used for a different request',
  429: 'Too many wrong attempts: refused until the Retry-After seconds have passed',
  503: 'Busy; retry after the Retry-After seconds',
}

/** The 422 of a list asked for a range or a page beyond `QUERY_BOUNDS`. */
export const BEYOND_BOUNDS = {
  422: {
    description:
      'The range or page asked for is more than one request reads (`code` beyond-bounds); `errors` names ' +
      'the field (`to` or `limit`)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
}
