import { type Booking, type BookingEmailKind, isLive } from '@ey/domain'
import { holdsConfirmedPlace } from '@ey/presentation'

/**
 * Whether an email still tells the truth about the booking when it is about to go. An email that
 * waited behind a later change (a confirmation for a booking cancelled since) is not sent: the
 * email about the later change follows it, and a stale one could hand out a joining link.
 */
export function isStillTrue(kind: BookingEmailKind, booking: Booking): boolean {
  switch (kind) {
    case 'booking-confirmed':
    case 'booking-promoted':
      return holdsConfirmedPlace(booking.status)
    case 'booking-waitlisted':
      return booking.status === 'waiting'
    case 'place-offered':
      return booking.status === 'offered'
    case 'offer-expired':
      return booking.status === 'expired'
    case 'booking-cancelled':
    case 'session-cancelled':
      return !isLive(booking.status)
    case 'booking-exists':
      // Only a booking that still holds a place or a turn is worth a link; otherwise say nothing.
      return isLive(booking.status)
    case 'session-rescheduled':
      // A later email (a cancellation) carries the then-current details itself.
      return isLive(booking.status)
    case 'bookings-list':
    case 'manage-links-renewed':
      // The list is read when the email goes, so it is true whatever became of this one booking.
      return true
  }
}
