import { MINUTE_MS } from '../config.ts'
import type { OutboxStore } from '../outbox-ports.ts'
import type { BookingLookup, Clock, Fingerprints } from '../ports.ts'
import { normaliseEmail } from '../rules/people.ts'

/** However often a list is asked for, an address gets at most one per this many minutes. */
export const BOOKING_LIST_WINDOW_MINUTES = 10

/**
 * "Find my bookings": queues one email to the address listing its live bookings, each with its
 * manage link. An unknown address gets nothing, and the caller answers the same either way, so
 * the answer never tells whether someone has booked. Asking again within the window queues no
 * second email (the message id is the same), so the address cannot be flooded.
 */
export async function requestBookingList(
  deps: {
    lookup: BookingLookup
    outbox: Pick<OutboxStore, 'enqueue'>
    clock: Clock
    fingerprints: Fingerprints
  },
  email: string,
): Promise<void> {
  const emailKey = normaliseEmail(email)
  const now = deps.clock.now()
  const [soonest] = await deps.lookup.liveBookingsOf(emailKey, now)
  if (!soonest) return
  const window = Math.floor(now.getTime() / (BOOKING_LIST_WINDOW_MINUTES * MINUTE_MS))
  const who = deps.fingerprints.of(emailKey).slice(0, 32)
  await deps.outbox.enqueue({
    id: `bookings-list-${who}-${window}`,
    kind: 'bookings-list',
    bookingId: soonest.id,
    createdAt: now.toISOString(),
  })
}
