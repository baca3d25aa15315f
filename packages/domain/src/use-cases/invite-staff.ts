import { DomainError, ValidationError } from '../errors.ts'
import type { Clock, LocalAuthorities } from '../ports.ts'
import type { StaffInvite, StaffMember } from '../schemas/staff-member.ts'
import type { StaffAccounts, StaffDirectory } from '../staff-ports.ts'

export interface InviteStaffDeps {
  staffDirectory: StaffDirectory
  staffAccounts: StaffAccounts
  clock: Clock
  las: LocalAuthorities
}

/**
 * An administrator invites a staff member: the LA codes must be known, the username free; the
 * sign-in account is created first (Cognito emails the invitation), then the directory entry.
 * LA codes are kept only for LA officers, whose scope they are.
 */
export async function inviteStaff(
  deps: InviteStaffDeps,
  invite: StaffInvite,
  by: string,
): Promise<StaffMember> {
  const unknown = invite.laCodes.filter((code) => !deps.las.has(code))
  if (unknown.length > 0) {
    throw new ValidationError([
      { field: 'laCodes', message: `Unknown local authority ${unknown.join(', ')}` },
    ])
  }
  if (await deps.staffDirectory.findByUsername(invite.username)) {
    throw new DomainError('already-exists', 'A staff member with this username already exists.')
  }
  const laCodes = invite.roles.includes('la-officer') ? [...new Set(invite.laCodes)] : []
  const { sub } = await deps.staffAccounts.create({ ...invite, laCodes })
  const member: StaffMember = {
    sub,
    username: invite.username,
    name: invite.name,
    email: invite.email,
    roles: [...new Set(invite.roles)],
    laCodes,
    invitedAt: deps.clock.now().toISOString(),
    invitedBy: by,
  }
  await deps.staffDirectory.add(member)
  return member
}

/** Locally the issuer signs in straight from the directory: the subject is the username. */
export const localStaffAccounts: StaffAccounts = {
  create: async (invite) => ({ sub: invite.username }),
}
