import { AccessDeniedError, hasRole, type StaffPrincipal, type StaffRole } from '@ey/domain'
import type { Context, MiddlewareHandler } from 'hono'
import type { StaffVerifier } from './staff-verifier.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /** The verified staff caller; set by `requireStaff`, so present only on staff routes. */
    staff: StaffPrincipal
  }
}

/**
 * The one gate of every staff route: reads `Authorization: Bearer`, verifies the token, and lets
 * through only a caller with one of `roles` (an administrator has every role; with no roles named,
 * any staff role will do). A valid token with no staff group is refused with 403 everywhere.
 * Scope (which session, which LA) is checked by the handler once it has the data.
 */
export function requireStaff(verifier: StaffVerifier, ...roles: StaffRole[]): MiddlewareHandler {
  return async (c, next) => {
    const token = c.req.header('Authorization')?.match(/^Bearer +(\S+)\s*$/i)?.[1]
    if (!token) throw new AccessDeniedError(401, 'Sign in as staff to use this.')
    const principal = await verifier.verify(token)
    if (principal.roles.length === 0) {
      throw new AccessDeniedError(403, 'Your account has no staff role. Ask an administrator.')
    }
    if (roles.length > 0 && !hasRole(principal, ...roles)) {
      throw new AccessDeniedError(403, `This needs the ${roles.join(' or ')} role.`)
    }
    c.set('staff', principal)
    await next()
  }
}

/** The verified caller of a staff route (for handlers behind `requireStaff`). */
export function staffOf(c: Context): StaffPrincipal {
  const principal = c.get('staff')
  if (!principal) throw new AccessDeniedError(401, 'Sign in as staff to use this.')
  return principal
}
