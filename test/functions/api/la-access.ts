import type { StaffRouteAccess } from './staff-access.ts'

/**
 * The LA downloads and the audit log in the authorization matrix: LA officers of the LA in the
 * path and administrators for the downloads, administrators only for the audit log and subject
 * access (export and erase one address).
 */
export const LA_ROUTES: Record<string, StaffRouteAccess> = {
  'GET /api/la/{code}/attendees.csv': {
    rule: 'la-officer',
    ok: 200,
    request: async (world) => ({ path: `/api/la/${world.laCode}/attendees.csv` }),
  },
  'GET /api/la/{code}/summary.csv': {
    rule: 'la-officer',
    ok: 200,
    request: async (world) => ({ path: `/api/la/${world.laCode}/summary.csv` }),
  },
  'GET /api/admin/audit': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({ path: `/api/admin/audit?la=${world.laCode}` }),
  },
  'POST /api/admin/subject-access/export': {
    rule: 'admin',
    ok: 200,
    request: async () => ({
      path: '/api/admin/subject-access/export',
      body: { email: 'matrix@example.org' },
    }),
  },
  'POST /api/admin/subject-access/erase': {
    rule: 'admin',
    ok: 200,
    request: async () => ({
      path: '/api/admin/subject-access/erase',
      body: { email: 'matrix-nobody@example.org', confirm: true },
    }),
  },
}
