import type { StaffMember } from '@ey/domain'

const SEEDED_AT = '2026-01-05T09:00:00.000Z'

function member(
  username: string,
  name: string,
  roles: StaffMember['roles'],
  laCodes: string[] = [],
): StaffMember {
  return {
    sub: username,
    username,
    name,
    email: `${username}@staff.example.org`,
    roles,
    laCodes,
    invitedAt: SEEDED_AT,
    invitedBy: 'seed',
  }
}

/**
 * The demo staff of the local stack, listed in the README and by `pnpm start`. Their `sub` is their
 * username, so the seeded sessions can name the trainers (`Session.trainerIds`).
 */
export const DEMO_STAFF: readonly StaffMember[] = [
  member('admin', 'Ada Administrator', ['admin']),
  member('trainer-amira', 'Amira Khan', ['trainer']),
  member('trainer-ben', 'Ben Okafor', ['trainer']),
  member('trainer-chloe', 'Chloe Evans', ['trainer']),
  member('la-leeds', 'Priya Shah (Leeds)', ['la-officer'], ['E08000035']),
  member(
    'la-north-east',
    'Tom Robson (North East)',
    ['la-officer'],
    ['E08000021', 'E08000037', 'E08000024', 'E06000047', 'E06000057'],
  ),
]

/** A demo staff member by username. */
export function demoStaff(username: string): StaffMember | undefined {
  return DEMO_STAFF.find((staff) => staff.username === username)
}
