import { randomUUID } from 'node:crypto'
import { DEFAULT_TEMPLATES } from '@ey/domain'
import { makeCourse, makePartner, makeSessionInput } from '../../support/factories.ts'
import { markUndeliverable, parkEmail } from '../../support/mail-admin.ts'
import { uniqueAddress } from '../../support/ses.ts'
import type { StaffRouteAccess } from './staff-access.ts'
import { materialRoutes } from './trainer-access.ts'

/** A session to schedule: two twilight parts, online, three weeks after the tests' `NOW`. */
export const SESSION_INPUT = makeSessionInput({
  parts: [
    { date: '2026-03-23', startTime: '16:00', endTime: '17:30' },
    { date: '2026-03-30', startTime: '16:00', endTime: '17:30' },
  ],
})

/** A new template's body: one free-text question. */
const TEMPLATE_INPUT = {
  kind: 'pre',
  name: 'Signing before',
  items: [{ id: 'signs', type: 'text', text: 'Which signs do you use?', required: false }],
}

/**
 * The administrators' routes in the authorization matrix: administrators only. The matrix sends
 * JSON bodies, so the CSV routes answer a permitted caller 415 (after the access check passed).
 */
export const ADMIN_ROUTES: Record<string, StaffRouteAccess> = {
  ...materialRoutes('admin', async () => `/api/admin/courses/${makeCourse().id}`),
  'GET /api/admin/sessions': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/sessions' }),
  },
  'POST /api/admin/sessions': {
    rule: 'admin',
    ok: 201,
    request: async () => ({ path: '/api/admin/sessions', body: SESSION_INPUT }),
  },
  'GET /api/admin/sessions/{id}': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({ path: `/api/admin/sessions/${(await world.session()).session.id}` }),
  },
  'PUT /api/admin/sessions/{id}': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/sessions/${(await world.session()).session.id}`,
      body: SESSION_INPUT,
    }),
  },
  'POST /api/admin/sessions/{id}/capacity': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/sessions/${(await world.session()).session.id}/capacity`,
      body: { capacity: 12 },
    }),
  },
  'POST /api/admin/sessions/{id}/publish': {
    rule: 'admin',
    ok: 200,
    // Publishing a published session answers it unchanged: enough to show who may call.
    request: async (world) => ({ path: `/api/admin/sessions/${(await world.session()).session.id}/publish` }),
  },
  'POST /api/admin/sessions/{id}/unpublish': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/sessions/${(await world.session()).session.id}/unpublish`,
    }),
  },
  'POST /api/admin/sessions/{id}/cancel': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({ path: `/api/admin/sessions/${(await world.session()).session.id}/cancel` }),
  },
  'GET /api/admin/sessions/import/template.csv': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/sessions/import/template.csv' }),
  },
  'POST /api/admin/sessions/import/preview': {
    rule: 'admin',
    ok: 415,
    request: async () => ({ path: '/api/admin/sessions/import/preview', body: {} }),
  },
  'POST /api/admin/sessions/import': {
    rule: 'admin',
    ok: 415,
    request: async () => ({ path: '/api/admin/sessions/import', body: {} }),
  },
  'GET /api/admin/partners': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/partners' }),
  },
  'POST /api/admin/partners': {
    rule: 'admin',
    ok: 201,
    request: async () => ({ path: '/api/admin/partners', body: makePartner({ id: `p-${randomUUID()}` }) }),
  },
  'PUT /api/admin/partners/{id}': {
    rule: 'admin',
    ok: 200,
    request: async (world) => {
      await world.api.catalogue.putPartner(makePartner())
      return { path: '/api/admin/partners/talking-together', body: makePartner() }
    },
  },
  'GET /api/admin/courses': { rule: 'admin', ok: 200, request: async () => ({ path: '/api/admin/courses' }) },
  'POST /api/admin/courses': {
    rule: 'admin',
    ok: 201,
    request: async (world) => {
      await world.api.catalogue.putPartner(makePartner())
      return { path: '/api/admin/courses', body: makeCourse({ id: `c-${randomUUID()}` }) }
    },
  },
  'PUT /api/admin/courses/{id}': {
    rule: 'admin',
    ok: 200,
    request: async (world) => {
      await world.api.catalogue.putPartner(makePartner())
      return { path: '/api/admin/courses/slcn-core', body: makeCourse() }
    },
  },
  'GET /api/admin/mail': { rule: 'admin', ok: 200, request: async () => ({ path: '/api/admin/mail' }) },
  'GET /api/admin/national': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/national?from=2025-09-01&to=2026-08-31' }),
  },
  'GET /api/admin/national.csv': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/national.csv?from=2025-09-01&to=2026-08-31' }),
  },
  'GET /api/admin/settings': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/settings' }),
  },
  'POST /api/admin/mail/emails/{id}/resend': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/mail/emails/${(await parkEmail(world.api.deps.outbox)).id}/resend`,
    }),
  },
  'DELETE /api/admin/mail/undeliverable/{id}': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/mail/undeliverable/${await markUndeliverable(world.api.deps.undeliverable, uniqueAddress('matrix'))}`,
    }),
  },
  'GET /api/admin/questionnaires': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/questionnaires' }),
  },
  'POST /api/admin/questionnaires': {
    rule: 'admin',
    ok: 201,
    request: async () => ({ path: '/api/admin/questionnaires', body: TEMPLATE_INPUT }),
  },
  'GET /api/admin/questionnaires/{id}': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/questionnaires/default-pre' }),
  },
  'PUT /api/admin/questionnaires/{id}': {
    rule: 'admin',
    ok: 200,
    request: async () => ({
      path: '/api/admin/questionnaires/default-pre',
      body: { name: 'Before', items: DEFAULT_TEMPLATES.pre.items },
    }),
  },
  'GET /api/admin/questionnaires/{id}/versions': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/questionnaires/default-pre/versions' }),
  },
  'PUT /api/admin/courses/{courseId}/questionnaires/{kind}': {
    rule: 'admin',
    ok: 200,
    request: async (world) => {
      await world.api.catalogue.putCourse(makeCourse())
      return { path: '/api/admin/courses/slcn-core/questionnaires/pre', body: { templateId: null } }
    },
  },
}
