import { HealthSchema } from '@ey/contract'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { router } from '../validation.ts'

/** `GET /api/health`: the app is up (it touches no storage, so it says nothing about DynamoDB). */
export function healthRoutes(): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['service'],
      summary: 'Health check',
      responses: {
        200: { description: 'The API answers', content: { 'application/json': { schema: HealthSchema } } },
      },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  )
}
