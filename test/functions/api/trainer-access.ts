import { randomUUID } from 'node:crypto'
import type { MatrixWorld, StaffRouteAccess } from './staff-access.ts'

/** The register routes of a fresh session's first part, run by `trainer-amira`. */
async function register(world: MatrixWorld) {
  const { session, booking } = await world.session()
  return { base: `/api/trainer/sessions/${session.id}/parts/0/register`, booking }
}

/**
 * The materials routes of an owner at `base` (a session's or a course's): list, add a link, ask
 * for an upload link, confirm an upload (409 to a permitted caller: nothing was uploaded, after
 * the access check passed) and remove (404 likewise: nothing to remove).
 */
export function materialRoutes(
  rule: StaffRouteAccess['rule'],
  owner: (world: MatrixWorld) => Promise<string>,
): Record<string, StaffRouteAccess> {
  const pattern =
    rule === 'admin' ? '/api/admin/courses/{id}/materials' : '/api/trainer/sessions/{id}/materials'
  const file = { fileName: 'slides.pdf', contentType: 'application/pdf', size: 1024 }
  return {
    [`GET ${pattern}`]: {
      rule,
      ok: 200,
      request: async (world) => ({ path: `${await owner(world)}/materials` }),
    },
    [`POST ${pattern}/links`]: {
      rule,
      ok: 201,
      request: async (world) => ({
        path: `${await owner(world)}/materials/links`,
        body: { title: 'Signs', url: 'https://example.org/signs' },
      }),
    },
    [`POST ${pattern}/uploads`]: {
      rule,
      ok: 200,
      request: async (world) => ({ path: `${await owner(world)}/materials/uploads`, body: file }),
    },
    [`POST ${pattern}/files`]: {
      rule,
      ok: 409,
      request: async (world) => {
        const base = await owner(world)
        const [, kind, id] = /\/(sessions|courses)\/([^/]+)$/.exec(base) ?? []
        const key = `materials/${kind === 'sessions' ? 'session' : 'course'}/${id}/m-${randomUUID()}/slides.pdf`
        return { path: `${base}/materials/files`, body: { key, ...file, title: 'Slides' } }
      },
    },
    [`DELETE ${pattern}/{materialId}`]: {
      rule,
      ok: 404,
      request: async (world) => ({ path: `${await owner(world)}/materials/m-${randomUUID()}` }),
    },
  }
}

/**
 * The trainers' routes in the authorization matrix: "my sessions" answers any trainer (their own
 * list); a register only its session's trainers; reopening a locked register administrators only.
 */
export const TRAINER_ROUTES: Record<string, StaffRouteAccess> = {
  'GET /api/trainer/sessions': {
    rule: 'trainer',
    ok: 200,
    request: async () => ({ path: '/api/trainer/sessions' }),
  },
  'GET /api/trainer/sessions/{id}/parts/{part}/register': {
    rule: 'session-trainer',
    ok: 200,
    request: async (world) => ({ path: (await register(world)).base }),
  },
  'POST /api/trainer/sessions/{id}/parts/{part}/register/changes': {
    rule: 'session-trainer',
    ok: 200,
    request: async (world) => {
      const { base, booking } = await register(world)
      return {
        path: `${base}/changes`,
        body: { changes: [{ kind: 'mark', key: randomUUID(), subject: booking.id, mark: 'present' }] },
      }
    },
  },
  'POST /api/trainer/sessions/{id}/parts/{part}/register/code': {
    rule: 'session-trainer',
    ok: 200,
    request: async (world) => ({ path: `${(await register(world)).base}/code`, body: {} }),
  },
  'POST /api/trainer/sessions/{id}/parts/{part}/register/participant-report': {
    rule: 'session-trainer',
    ok: 200,
    request: async (world) => ({
      path: `${(await register(world)).base}/participant-report`,
      body: { report: 'Name (Original Name),User Email,Duration (Minutes)\nAda,ada@example.org,80' },
    }),
  },
  ...materialRoutes(
    'session-trainer',
    async (world) => `/api/trainer/sessions/${(await world.session()).session.id}`,
  ),
  'POST /api/admin/sessions/{id}/register/reopen': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/sessions/${(await world.session()).session.id}/register/reopen`,
      body: {},
    }),
  },
}
