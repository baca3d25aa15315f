import { AdminSettingsSchema } from '@ey/contract'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { json } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * `GET /api/admin/settings`: what this deployment is configured with that the administrators'
 * forms show, so a new session's form ticks the reminders a session without its own gets
 * (`REMINDER_LEADS_MINUTES`), not those of the build (administrators only).
 */
export function adminSettingsRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/settings',
      tags: ['admin'],
      summary: "The deployment's settings the administrators' forms show",
      description:
        'The reminders of a session that sets none of its own (`reminderLeadsMinutes`, set by `REMINDER_LEADS_MINUTES`).',
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff, 'admin')],
      responses: { 200: json(AdminSettingsSchema, 'The settings'), ...staffProblems(401, 403) },
    }),
    (c) =>
      c.json({ reminderLeadsMinutes: [...deps.reminderLeadsMinutes] }, 200, {
        'Cache-Control': 'private, no-store',
      }),
  )
}
