import { AuditListSchema, AuditQuerySchema } from '@ey/contract'
import { readAuditLog } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { decodeCursor, encodeCursor } from '../cursor.ts'
import { json } from '../openapi.ts'
import { router } from '../validation.ts'

/** The audit query with its cursor read: what a cursor holds is the API's own. */
const AuditListingQuerySchema = AuditQuerySchema.extend({
  cursor: AuditQuerySchema.shape.cursor
    .unwrap()
    .transform((value, ctx) => {
      const cursor = decodeCursor(value)
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'Use the next cursor of an earlier page' })
      return cursor ?? z.NEVER
    })
    .optional(),
})

/** `GET /api/admin/audit`: who read or downloaded which LA's data, newest first (administrators only). */
export function adminAuditRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['admin'],
      summary: 'The audit log of LA downloads and views, newest first, a page at a time',
      description:
        'Entries made on the London days `from` to `to` (default this academic year), of one LA (`la`) ' +
        'or all; `next` is the `cursor` of the following page.',
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff, 'admin')],
      request: { query: AuditListingQuerySchema },
      responses: { 200: json(AuditListSchema, 'A page of entries'), ...staffProblems(400, 401, 403) },
    }),
    async (c) => {
      const { from, to, la, cursor } = c.req.valid('query')
      const page = await readAuditLog(
        { audit: deps.accessAudit },
        {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(la ? { laCode: la } : {}),
          ...(cursor ? { after: { at: cursor.startsAt, id: cursor.id } } : {}),
        },
        deps.clock.now(),
      )
      const next = page.next ? encodeCursor({ startsAt: page.next.at, id: page.next.id }) : undefined
      return c.json({ items: page.entries, ...(next ? { next } : {}) }, 200, {
        'Cache-Control': 'private, no-store',
      })
    },
  )
}
