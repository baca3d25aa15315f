import type { AttendanceMark, BookingStatus } from '@ey/domain'
import { domainStatus, type PublicBookingStatus } from '../status.ts'

// `satisfies` fails the build when the domain gains a code without a label; type-only imports
// keep zod out of the pages.

/** A booking's status, as its holder sees it (see `statusLabel` for the public names). */
export const BOOKING_STATUS_LABELS = {
  waiting: 'On the waiting list',
  offered: 'Place offered',
  confirmed: 'Confirmed',
  declined: 'Offer declined',
  expired: 'Offer expired',
  cancelled: 'Cancelled',
  'late-cancelled': 'Cancelled',
  attended: 'Attended',
  'no-show': 'Did not attend',
} as const satisfies Record<BookingStatus, string>

/** An attendance mark, as the participant reads it of themselves. */
export const ATTENDANCE_MARK_OUTCOMES = {
  present: 'Attended',
  late: 'Attended (arrived late)',
  'left-early': 'Left early',
  absent: 'Did not attend',
  apologies: 'Apologies given',
} as const satisfies Record<AttendanceMark, string>

/** The label of a booking status, by its domain or its public name. */
export function statusLabel(status: BookingStatus | PublicBookingStatus): string {
  return BOOKING_STATUS_LABELS[domainStatus(status)]
}
