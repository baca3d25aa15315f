import {
  IdParamSchema,
  type MailEmailView,
  MailResentViewSchema,
  type MailReviewView,
  MailReviewViewSchema,
  type UndeliverableAddressView,
  UndeliverableAddressViewSchema,
} from '@ey/contract'
import {
  clearUndeliverable,
  type MailProblem,
  recordStaffRead,
  resendEmail,
  reviewMail,
  toLondonIso,
  type UndeliverableAddress,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store' }

/**
 * `/api/admin/mail`: emails that failed or were parked, undeliverable addresses, and the
 * administrators' actions on them (administrators only). Resending and clearing are audited, and
 * every opening of the review (it lists email addresses) is written to the access audit log first.
 */
export function adminMailRoutes(deps: ApiDeps): OpenAPIHono {
  const adminOnly = [requireStaff(deps.staff, 'admin')]
  const audit = { audit: deps.accessAudit, clock: deps.clock, ids: deps.ids }
  const who = (c: Parameters<typeof staffOf>[0]) => {
    const principal = staffOf(c)
    return principal.name ?? principal.sub
  }
  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/emails/{id}/resend',
        tags: ['admin'],
        summary: 'Send a parked email once more (the sweeper sends it within minutes)',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        request: { params: IdParamSchema },
        responses: {
          200: {
            description: 'Queued again',
            content: { 'application/json': { schema: MailResentViewSchema } },
          },
          ...staffProblems(400, 401, 403, 409),
        },
      }),
      async (c) => {
        const message = await resendEmail(deps, c.req.valid('param').id, who(c))
        return c.json({ id: message.id, kind: message.kind }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/undeliverable/{id}',
        tags: ['admin'],
        summary: 'Let email go to an undeliverable address again',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        request: { params: IdParamSchema },
        responses: {
          200: {
            description: 'Cleared',
            content: { 'application/json': { schema: UndeliverableAddressViewSchema } },
          },
          ...staffProblems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const cleared = await clearUndeliverable(deps, c.req.valid('param').id, who(c))
        return c.json(addressView(cleared), 200, PRIVATE)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['admin'],
        summary: 'Failed and parked emails, undeliverable addresses, and the latest actions on them',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        responses: {
          200: { description: 'The mail', content: { 'application/json': { schema: MailReviewViewSchema } } },
          ...staffProblems(401, 403),
        },
      }),
      async (c) => {
        const review = await reviewMail(deps)
        await recordStaffRead(audit, staffOf(c), {
          action: 'mail-review',
          rows: review.emails.length + review.addresses.length,
        })
        const view: MailReviewView = {
          emails: review.emails.map(emailView),
          addresses: review.addresses.map(addressView),
          audit: review.audit.map((entry) => ({ ...entry, at: toLondonIso(entry.at) })),
          moreEmails: review.moreEmails,
          moreAddresses: review.moreAddresses,
        }
        return c.json(view, 200, PRIVATE)
      },
    )
}

function emailView(problem: MailProblem): MailEmailView {
  return {
    id: problem.message.id,
    kind: problem.message.kind,
    status: problem.status === 'failed' ? 'parked' : 'retrying',
    createdAt: toLondonIso(problem.message.createdAt),
    attempts: problem.attempts,
    ...(problem.lastError ? { lastError: problem.lastError } : {}),
    ...(problem.failedAt ? { failedAt: toLondonIso(problem.failedAt) } : {}),
    ...(problem.retryAt ? { retryAt: toLondonIso(problem.retryAt) } : {}),
    ...(problem.to ? { to: problem.to } : {}),
  }
}

function addressView(address: UndeliverableAddress): UndeliverableAddressView {
  return { ...address, at: toLondonIso(address.at) }
}
