import { StaffInviteSchema, StaffListQuerySchema, StaffListSchema, StaffMemberSchema } from '@ey/contract'
import { inviteStaff, StaffUsernameSchema } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

/** A page's cursor is the base64url of the last username it held: the API's own, checked. */
const StaffListingQuerySchema = StaffListQuerySchema.extend({
  cursor: StaffListQuerySchema.shape.cursor
    .unwrap()
    .transform((value, ctx) => {
      const username = /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : ''
      if (StaffUsernameSchema.safeParse(username).success) return username
      ctx.addIssue({ code: 'custom', message: 'Use the next cursor of an earlier page' })
      return z.NEVER
    })
    .optional(),
})

/** `GET` and `POST /api/admin/staff`: the staff directory, and inviting a member (administrators only). */
export function adminStaffRoutes(deps: ApiDeps): OpenAPIHono {
  const adminOnly = [requireStaff(deps.staff, 'admin')]
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['admin'],
        summary: 'The staff directory with roles and LAs, by username, a page at a time',
        description: 'At most `limit` members (100 at most); `next` is the `cursor` of the following page.',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        request: { query: StaffListingQuerySchema },
        responses: {
          200: {
            description: 'The staff directory',
            content: { 'application/json': { schema: StaffListSchema } },
          },
          ...staffProblems(400, 401, 403, 422),
        },
      }),
      async (c) => {
        const { limit, cursor } = c.req.valid('query')
        const page = await deps.staffDirectory.page({ limit, ...(cursor ? { after: cursor } : {}) })
        const next = page.next ? Buffer.from(page.next).toString('base64url') : undefined
        return c.json({ items: page.items, ...(next ? { next } : {}) }, 200, {
          'Cache-Control': 'private, no-store',
        })
      },
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
