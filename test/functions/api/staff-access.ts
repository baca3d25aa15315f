import { randomUUID } from 'node:crypto'
import type { NewBookingView } from '@ey/contract'
import type { Session } from '@ey/domain'
import { storeSessions } from '../../support/dynamo.ts'
import { makeCourse, makeSession } from '../../support/factories.ts'
import { ADMIN_ROUTES } from './admin-access.ts'
import { LA_ROUTES } from './la-access.ts'
import { booked, type TestApi } from './support.ts'
import { TRAINER_ROUTES } from './trainer-access.ts'

/** The columns of the authorization matrix: who calls, with what. */
export const CALLERS = [
  'anonymous',
  'practitioner',
  'trainer-unassigned',
  'trainer-assigned',
  'la-officer-in-scope',
  'la-officer-out-of-scope',
  'admin',
  'expired',
  'wrongly-signed',
  'other-audience',
  'no-group',
] as const
export type Caller = (typeof CALLERS)[number]

/**
 * What a route lets through: any staff member; administrators only; trainers (any trainer, e.g.
 * "my sessions"); the trainer assigned to the session in the path; LA officers of the LA in the path.
 * An administrator passes every rule.
 */
export type AccessRule = 'any-staff' | 'admin' | 'trainer' | 'session-trainer' | 'la-officer'

/** Data the matrix's requests refer to, made afresh for each cell so writes never leak between cells. */
export interface MatrixWorld {
  api: TestApi
  /** A published session two weeks ahead run by `trainer-amira` (not `trainer-ben`), with a booking from Leeds. */
  session(overrides?: Partial<Session>): Promise<{ session: Session; booking: NewBookingView }>
  /** The LA in scope of `la-leeds` (and not of `la-north-east`). */
  laCode: string
}

export interface StaffRouteAccess {
  rule: AccessRule
  /** The status a permitted caller gets. */
  ok: number
  /** A request the permitted callers succeed with (path with its parameters filled in, JSON body). */
  request(world: MatrixWorld): Promise<{ path: string; body?: unknown }>
  /** Statuses that differ from what the rule implies, each with its reason in a comment. */
  except?: Partial<Record<Caller, number>>
}

/**
 * The access of every staff route, keyed `METHOD /path` as in the OpenAPI document. The matrix
 * test fails when a route carrying `staffBearer` has no entry here (or an entry has no route).
 */
export const STAFF_ROUTES: Record<string, StaffRouteAccess> = {
  'GET /api/staff/me': {
    rule: 'any-staff',
    ok: 200,
    request: async () => ({ path: '/api/staff/me' }),
  },
  'GET /api/staff/results': {
    rule: 'session-trainer',
    ok: 200,
    request: async (world) => {
      const { session } = await world.session()
      return { path: `/api/staff/results?sessionId=${session.id}&la=${world.laCode}` }
    },
    // An LA officer may read any session's results for people from their own LA.
    except: { 'la-officer-in-scope': 200 },
  },
  'GET /api/la/{code}/summary': {
    rule: 'la-officer',
    ok: 200,
    request: async (world) => ({ path: `/api/la/${world.laCode}/summary` }),
  },
  ...ADMIN_ROUTES,
  ...LA_ROUTES,
  ...TRAINER_ROUTES,
  'GET /api/admin/staff': {
    rule: 'admin',
    ok: 200,
    request: async () => ({ path: '/api/admin/staff' }),
  },
  'POST /api/admin/staff': {
    rule: 'admin',
    ok: 201,
    request: async () => {
      const username = `matrix-${randomUUID().slice(0, 8)}`
      return {
        path: '/api/admin/staff',
        body: { username, name: 'Matrix Member', email: `${username}@staff.example.org`, roles: ['trainer'] },
      }
    },
  },
}

/** The status the rule gives a caller (before a route's exceptions). */
export function expectedStatus(rule: AccessRule, ok: number, caller: Caller): number {
  switch (caller) {
    case 'anonymous':
    case 'practitioner':
    case 'expired':
    case 'wrongly-signed':
    case 'other-audience':
      return 401
    case 'no-group':
      return 403
    case 'admin':
      return ok
    case 'trainer-assigned':
      return ['any-staff', 'trainer', 'session-trainer'].includes(rule) ? ok : 403
    case 'trainer-unassigned':
      return ['any-staff', 'trainer'].includes(rule) ? ok : 403
    case 'la-officer-in-scope':
      return ['any-staff', 'la-officer'].includes(rule) ? ok : 403
    case 'la-officer-out-of-scope':
      return rule === 'any-staff' ? ok : 403
  }
}

/** A world on the test API: the course once, then a fresh session and booking per call. */
export async function matrixWorld(api: TestApi): Promise<MatrixWorld> {
  await api.catalogue.putCourse(makeCourse())
  return {
    api,
    laCode: 'E08000035',
    async session(overrides = {}) {
      const session = makeSession({ id: `s-${randomUUID()}`, trainerIds: ['trainer-amira'], ...overrides })
      await storeSessions(api.table, session)
      const booking = await booked(api, session.id, {
        email: `${randomUUID()}@example.org`,
        laCode: 'E08000035',
      })
      return { session, booking }
    },
  }
}
