import { type BookingEmail, type ManageLinkStore, sessionEnd } from '@ey/domain'
import type { InMemoryBookingRepository } from './in-memory-bookings.ts'

/**
 * The manage-link port over an in-memory booking repository: a renewal changes every booking and
 * queues its email in one synchronous step, refusing as the DynamoDB adapter does (the email's id
 * already queued; a booking's version no longer the one read). `queued` holds what it queued.
 */
export function createInMemoryManageLinks(
  repository: InMemoryBookingRepository,
): ManageLinkStore & { queued: BookingEmail[] } {
  const queued: BookingEmail[] = []
  const all = () => repository.allSessions().flatMap((session) => repository.bookingsOf(session.id))
  return {
    queued,
    async bookingsOf(emailKey, endedAfter) {
      return all()
        .filter((booking) => booking.emailKey === emailKey && sessionEnd(booking.session) > endedAfter)
        .sort((a, b) => sessionEnd(a.session).getTime() - sessionEnd(b.session).getTime())
    },
    async renew({ renewals, email, at }) {
      if (queued.some((message) => message.id === email.id)) return 'already-queued'
      const current = renewals.map((renewal) => ({
        renewal,
        booking: all().find((b) => b.id === renewal.bookingId),
      }))
      if (current.some(({ renewal, booking }) => (booking?.manageTokenVersion ?? 1) !== renewal.fromVersion))
        return 'changed'
      for (const { renewal, booking } of current) {
        if (!booking) continue
        repository.putBooking({
          ...booking,
          manageTokenVersion: renewal.toVersion,
          manageTokenHash: renewal.tokenHash,
          updatedAt: at.toISOString(),
        })
      }
      queued.push(email)
      return 'renewed'
    },
  }
}
