import { IdParamSchema, RegisterReopenedSchema } from '@ey/contract'
import { reopenRegister, toLondonIso } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

/** `POST /api/admin/sessions/{id}/register/reopen`: an administrator unlocks a locked register for seven days. */
export function registerAdminRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/register/reopen',
      tags: ['admin'],
      summary: "Reopen every part's register of a session for seven days",
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff, 'admin')] as const,
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'Until when the register takes changes',
          content: { 'application/json': { schema: RegisterReopenedSchema } },
        },
        ...staffProblems(401, 403, 404, 503),
      },
    }),
    async (c) => {
      const { reopenedUntil } = await reopenRegister(deps, staffOf(c), c.req.valid('param').id)
      return c.json({ reopenedUntil: toLondonIso(reopenedUntil) }, 200)
    },
  )
}
