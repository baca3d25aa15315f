import type { Booking, BookingEmailKind } from '@ey/domain'
import { holdsConfirmedPlace } from '@ey/presentation'

// Apart from the calendar file itself (`calendar.ts`), so that the templates and the delivery can ask
// which file an email carries without loading ical-generator, which only writing one needs.

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL'

/**
 * Which calendar file an email carries: confirmations add the events, a cancellation removes
 * them, but only when the person had them (a confirmed place, not a place in the queue or on offer);
 * a rescheduling replaces them.
 */
export function calendarMethodFor(kind: BookingEmailKind, booking: Booking): CalendarMethod | undefined {
  if (kind === 'booking-confirmed' || kind === 'booking-promoted') return 'PUBLISH'
  const cancelled = kind === 'booking-cancelled' || kind === 'session-cancelled'
  const before = booking.history.at(-1)?.from
  if (cancelled && before && holdsConfirmedPlace(before)) return 'CANCEL'
  // A rescheduling records an event in the history, so this file's SEQUENCE is higher than the last.
  if (kind === 'session-rescheduled' && holdsConfirmedPlace(booking.status)) return 'PUBLISH'
  return undefined
}
