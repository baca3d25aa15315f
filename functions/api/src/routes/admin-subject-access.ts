import {
  SubjectErasedSchema,
  SubjectEraseRequestSchema,
  SubjectExportRequestSchema,
  SubjectExportSchema,
} from '@ey/contract'
import { eraseSubject, exportSubject, type SubjectAccessDeps } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { body, json } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * `POST /api/admin/subject-access/export` and `…/erase`: a subject access request, and the
 * erasure of one address's data, administrators only, each recorded in the access audit (who,
 * when, the address's hash) before anything is read or erased.
 */
export function adminSubjectAccessRoutes(deps: ApiDeps): OpenAPIHono {
  const use: SubjectAccessDeps = {
    personalData: deps.personalData,
    responses: deps.results.responses,
    templates: deps.results.templates,
    alerts: deps.alerts,
    undeliverable: deps.undeliverable,
    lookup: deps.lookup,
    audit: deps.accessAudit,
    clock: deps.clock,
    ids: deps.ids,
  }
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/subject-access/export',
        tags: ['admin'],
        summary: 'Everything held about one email address, as a JSON file (a subject access request)',
        description:
          'Its bookings not erased (any state), their questionnaire answers, the emails queued about them ' +
          'and its alerts (kept 30 days), its alerts, certificates, undeliverable record, and the subject ' +
          'accesses of it recorded in the access audit. The export is recorded in the access audit first.',
        security: STAFF_SECURITY,
        middleware: [requireStaff(deps.staff, 'admin')],
        request: { body: body(SubjectExportRequestSchema) },
        responses: { 200: json(SubjectExportSchema, 'The file'), ...staffProblems(400, 401, 403) },
      }),
      async (c) => {
        const exported = await exportSubject(use, staffOf(c), c.req.valid('json').email)
        const day = exported.exportedAt.slice(0, 10)
        return c.json(exported, 200, {
          'Cache-Control': 'private, no-store',
          'Content-Disposition': `attachment; filename="subject-access-${day}.json"`,
        })
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/subject-access/erase',
        tags: ['admin'],
        summary: 'Erases everything held about one email address, at once, as the retention job does',
        description:
          'Each booking of the address is erased (name and address replaced, the address, setting and URN ' +
          'by pseudonyms so every figure stays the same), free text of its answers, its emails, ' +
          'certificates, alerts and undeliverable record deleted. 422 `erasure-not-confirmed` without ' +
          '`confirm: true`; 409 `subject-has-live-bookings` while it holds a booking of a session not yet ' +
          'ended (cancel those first). Recorded in the access audit first.',
        security: STAFF_SECURITY,
        middleware: [requireStaff(deps.staff, 'admin')],
        request: { body: body(SubjectEraseRequestSchema) },
        responses: {
          200: json(SubjectErasedSchema, 'What was erased, as counts'),
          ...staffProblems(400, 401, 403, 409, 422),
        },
      }),
      async (c) => {
        const { email, confirm } = c.req.valid('json')
        const erased = await eraseSubject(use, staffOf(c), {
          email,
          ...(confirm === undefined ? {} : { confirm }),
        })
        return c.json(erased, 200, { 'Cache-Control': 'private, no-store' })
      },
    )
}
