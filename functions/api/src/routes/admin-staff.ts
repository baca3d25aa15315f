import { StaffInviteSchema, StaffListSchema, StaffMemberSchema } from '@ey/contract'
import { inviteStaff } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

/** `GET` and `POST /api/admin/staff`: the staff directory, and inviting a member (administrators only). */
export function adminStaffRoutes(deps: ApiDeps): OpenAPIHono {
  const adminOnly = [requireStaff(deps.staff, 'admin')]
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['admin'],
        summary: 'Every staff member with their roles and LAs',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        responses: {
          200: {
            description: 'The staff directory',
            content: { 'application/json': { schema: StaffListSchema } },
          },
          ...staffProblems(401, 403),
        },
      }),
      async (c) =>
        c.json({ items: await deps.staffDirectory.list() }, 200, { 'Cache-Control': 'private, no-store' }),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['admin'],
        summary: 'Invite a staff member: sign-in account, role(s) and, for LA officers, their LAs',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        request: { body: { required: true, content: { 'application/json': { schema: StaffInviteSchema } } } },
        responses: {
          201: { description: 'Invited', content: { 'application/json': { schema: StaffMemberSchema } } },
          ...staffProblems(400, 401, 403, 409),
        },
      }),
      async (c) => {
        const member = await inviteStaff(deps, c.req.valid('json'), staffOf(c).sub)
        return c.json(member, 201)
      },
    )
}
