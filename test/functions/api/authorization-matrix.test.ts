import { describe, expect, it } from 'vitest'
import { staffToken } from '../../support/staff.ts'
import {
  CALLERS,
  type Caller,
  expectedStatus,
  matrixWorld,
  STAFF_ROUTES,
  type StaffRouteAccess,
} from './staff-access.ts'
import { createTestApi } from './support.ts'

/** Results' readers in memory: the API mounts `/api/staff/results` only when it has them. */
const api = await createTestApi()
const world = await matrixWorld(api)
/** A practitioner's manage token: a valid credential, but not a staff one. */
const practitionerToken = (await world.session()).booking.manageToken

interface Operation {
  security?: Record<string, string[]>[]
}
const document = (await (await api.app.request('/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, Operation>>
}
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    path,
    staff: operation.security?.some((requirement) => 'staffBearer' in requirement) ?? false,
  })),
)
const staffOperations = operations.filter((operation) => operation.staff)

/** The Authorization header each caller sends (none for anonymous). */
async function authorization(caller: Caller, practitionerToken: string): Promise<string | undefined> {
  switch (caller) {
    case 'anonymous':
      return undefined
    case 'practitioner':
      return practitionerToken
    case 'trainer-unassigned':
      return staffToken('trainer-ben')
    case 'trainer-assigned':
      return staffToken('trainer-amira')
    case 'la-officer-in-scope':
      return staffToken('la-leeds')
    case 'la-officer-out-of-scope':
      return staffToken('la-north-east')
    case 'admin':
      return staffToken('admin')
    case 'expired':
      return staffToken('admin', { expiresIn: -300 })
    case 'wrongly-signed':
      return staffToken('admin', { forged: true })
    case 'other-audience':
      return staffToken('admin', { audience: 'another-app-client' })
    case 'no-group':
      return staffToken('admin', { groups: [] })
  }
}

/** `/api/x/{id}` as a pattern that a filled-in path (with any query string) must match. */
function templatePattern(path: string): RegExp {
  return new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?.*)?$`)
}

describe('the authorization matrix', () => {
  it('has the expectations of every staff route, and of no route that is gone', () => {
    const keys = staffOperations.map((operation) => operation.key)
    expect(keys.filter((key) => !(key in STAFF_ROUTES))).toEqual([])
    expect(Object.keys(STAFF_ROUTES).filter((key) => !keys.includes(key))).toEqual([])
  })

  it('requires a staff token on every path under /api/admin, /api/trainer, /api/staff and /api/la', () => {
    const guarded = operations.filter((operation) =>
      /^\/api\/(admin|trainer|staff|la)(\/|$)/.test(operation.path),
    )
    expect(guarded.length).toBeGreaterThan(0)
    expect(guarded.filter((operation) => !operation.staff).map((operation) => operation.key)).toEqual([])
  })

  // Routes without an entry fail the first test above; the cells cover every route that has one.
  const covered = staffOperations.filter((operation) => operation.key in STAFF_ROUTES)
  describe.each(covered.map((operation) => [operation.key, operation.path] as const))('%s', (key, path) => {
    const access = STAFF_ROUTES[key] as StaffRouteAccess
    const cells = CALLERS.map(
      (caller) =>
        [caller, access.except?.[caller] ?? expectedStatus(access.rule, access.ok, caller)] as const,
    )
    // A caller who is refused changes nothing, so the refused callers share one arranged request;
    // each caller who is let through gets a fresh one, as its request may change what it names.
    let shared: ReturnType<StaffRouteAccess['request']> | undefined
    const arranged = (refused: boolean) => {
      if (!refused) return access.request(world)
      shared ??= access.request(world)
      return shared
    }
    it.each(cells)('%s → %i', async (caller, status) => {
      const request = await arranged(status >= 400)
      expect(request.path).toMatch(templatePattern(path))
      const token = await authorization(caller, practitionerToken)
      const method = key.split(' ')[0] ?? 'GET'
      const response = await api.app.request(request.path, {
        method,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      })
      expect(response.status).toBe(status)
    })
  })
})
