import { DomainError } from '../errors.ts'
import type { BookingDeps } from '../ports.ts'
import { expireOffer } from './manage-booking.ts'

/** What one pass over the lapsed offers did. */
export type LapsedOffersReport = {
  /** Offers that lapsed and were let go, each with its email. */
  expired: number
  /** People moved up from the waiting list into the places those offers held. */
  promoted: number
  /** Offers listed as due that had been answered (or had not lapsed) when read again. */
  skipped: number
}

/**
 * Lets every offer go whose deadline has passed by the clock's time, however long ago (so a pass
 * after any downtime catches up), and passes each place on by the promotion rule: one transaction
 * for the expiry, then one per promotion. An offer accepted or declined meanwhile is left as it
 * is, and a second pass finds nothing more to do.
 */
export async function expireLapsedOffers(deps: BookingDeps): Promise<LapsedOffersReport> {
  const report: LapsedOffersReport = { expired: 0, promoted: 0, skipped: 0 }
  for (const listed of await deps.bookings.offersDueBy(deps.clock.now())) {
    // The index may lag: decide on the booking as it is now.
    const booking = await deps.bookings.getBooking(listed.id)
    try {
      const outcome = booking ? await expireOffer(deps, booking) : { expired: false as const }
      if (outcome.expired) {
        report.expired++
        report.promoted += outcome.promoted
      } else {
        report.skipped++
      }
    } catch (error) {
      // Answered between the read and the write: the transition's condition kept it.
      if (!(error instanceof DomainError && error.code === 'invalid-transition')) throw error
      report.skipped++
    }
  }
  return report
}
