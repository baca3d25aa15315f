import { type BookingStatus, canTransition, hasConfirmedPlace } from '@ey/domain'

/** A booking's status as the API answers it and the pages show it: the domain's `waiting` reads `waitlisted`. */
export type PublicBookingStatus = Exclude<BookingStatus, 'waiting'> | 'waitlisted'

/** The public name of a booking status. */
export function publicStatus(status: BookingStatus): PublicBookingStatus {
  return status === 'waiting' ? 'waitlisted' : status
}

/** The domain's status behind a public one (a domain status stays as it is). */
export function domainStatus(status: BookingStatus | PublicBookingStatus): BookingStatus {
  return status === 'waitlisted' ? 'waiting' : status
}

/**
 * Whether the booking holds a confirmed place: one that counts against capacity and is not a mere
 * offer. Only such a booking gets the joining link, the calendar events and the attendance check-in.
 */
export function holdsConfirmedPlace(status: BookingStatus | PublicBookingStatus): boolean {
  return hasConfirmedPlace(domainStatus(status))
}

/** Whether the person may still cancel (or move) the booking: waiting, offered or confirmed. */
export function isCancellable(status: BookingStatus | PublicBookingStatus): boolean {
  return canTransition(domainStatus(status), 'cancelled')
}
