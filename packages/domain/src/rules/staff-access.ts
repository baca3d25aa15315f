import type { Session } from '../schemas/session.ts'
import type { StaffPrincipal, StaffRole } from '../schemas/staff.ts'

/** Whether the principal has any of the roles (an administrator has every role). */
export function hasRole(principal: StaffPrincipal, ...roles: StaffRole[]): boolean {
  return principal.roles.includes('admin') || roles.some((role) => principal.roles.includes(role))
}

/** A trainer sees and changes only the sessions they are assigned to; an administrator, all. */
export function canRunSession(principal: StaffPrincipal, session: Pick<Session, 'trainerIds'>): boolean {
  return (
    principal.roles.includes('admin') ||
    (principal.roles.includes('trainer') && session.trainerIds.includes(principal.sub))
  )
}

/** An LA officer sees only their own LAs' data; an administrator, every LA's. */
export function canSeeLa(principal: StaffPrincipal, laCode: string): boolean {
  return (
    principal.roles.includes('admin') ||
    (principal.roles.includes('la-officer') && principal.laCodes.includes(laCode))
  )
}
