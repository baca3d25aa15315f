import { BookingMaterialsViewSchema, IdParamSchema, MaterialListSchema } from '@ey/contract'
import { openBookingMaterials, publicCourseMaterials } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * `GET /api/bookings/{id}/materials`, opened by the manage token: the session's and course's
 * materials once the session is over for the booking (an empty list, with why, before).
 */
export function bookingMaterialRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/materials',
      tags: ['bookings'],
      summary: 'The materials of the booking’s session and course, with short-lived links, after the session',
      security: [{ manageToken: [] }],
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'Whether they are available yet, and them',
          content: { 'application/json': { schema: BookingMaterialsViewSchema } },
        },
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const token = bearerToken(c.req.header('Authorization'))
      const materials = await openBookingMaterials(deps, c.req.valid('param').id, token)
      return c.json(materials, 200, { 'Cache-Control': 'private, no-store' })
    },
  )
}

/** `GET /api/courses/{id}/materials`: the course's public materials, for anyone. */
export function courseMaterialsRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{id}/materials',
      tags: ['courses'],
      summary: 'The course’s public materials, with short-lived links',
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'The public materials',
          content: { 'application/json': { schema: MaterialListSchema } },
        },
        ...problems(400),
      },
    }),
    async (c) => {
      const items = await publicCourseMaterials(deps, c.req.valid('param').id)
      return c.json({ items }, 200, { 'Cache-Control': 'no-store' })
    },
  )
}
