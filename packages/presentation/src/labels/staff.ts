import type { AttendanceMark, StaffRole } from '@ey/domain'

// `satisfies` fails the build when the domain gains a code without a label; type-only imports
// keep zod out of the pages.

/** A staff member's role. */
export const STAFF_ROLE_LABELS = {
  admin: 'Administrator',
  trainer: 'Trainer',
  'la-officer': 'LA officer',
} as const satisfies Record<StaffRole, string>

/** An attendance mark, as the trainer gives it on the register. */
export const ATTENDANCE_MARK_LABELS = {
  present: 'Present',
  late: 'Late',
  'left-early': 'Left early',
  absent: 'Absent',
  apologies: 'Apologies given',
} as const satisfies Record<AttendanceMark, string>
