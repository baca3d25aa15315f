import { randomUUID } from 'node:crypto'
import type { MatrixWorld, StaffRouteAccess } from './staff-access.ts'

/** The register routes of a fresh session's first part, run by `trainer-amira`. */
async function register(world: MatrixWorld) {
  const { session, booking } = await world.session()
  return { base: `/api/trainer/sessions/${session.id}/parts/0/register`, booking }
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
  'POST /api/admin/sessions/{id}/register/reopen': {
    rule: 'admin',
    ok: 200,
    request: async (world) => ({
      path: `/api/admin/sessions/${(await world.session()).session.id}/register/reopen`,
      body: {},
    }),
  },
}
