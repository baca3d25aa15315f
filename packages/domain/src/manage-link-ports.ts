import type { BookingEmail } from './outbox.ts'
import type { Booking } from './schemas/booking.ts'

/** One booking's new manage token: the version it replaces and the hash of the new one. */
export interface ManageTokenRenewal {
  bookingId: string
  /** The version read; the write is refused when the booking holds another since. */
  fromVersion: number
  toVersion: number
  tokenHash: string
}

/** What a renewal did: `renewed`, nothing because `email` was already queued, or nothing because a booking `changed`. */
export type RenewalOutcome = 'renewed' | 'already-queued' | 'changed'

/** A person's manage links: the bookings they open, and their renewal ("send me new links"). */
export interface ManageLinkStore {
  /**
   * Every booking of the person (by normalised email), whatever its status, of sessions that end
   * after `endedAfter`, soonest first. Read from an index, so a booking made a moment ago may be missing.
   */
  bookingsOf(emailKey: string, endedAfter: Date): Promise<Booking[]>
  /**
   * Gives each booking its new token version (older tokens stop working) and queues `email`, all
   * in one write, or nothing: `already-queued` when a message with the email's id exists (a renewal
   * in the same window already happened), `changed` when a booking's version is no longer `fromVersion`.
   */
  renew(request: { renewals: ManageTokenRenewal[]; email: BookingEmail; at: Date }): Promise<RenewalOutcome>
}
