import { type BookingPolicy, MINUTE_MS } from '../config.ts'
import { ServiceBusyError } from '../errors.ts'
import type { ManageLinkStore } from '../manage-link-ports.ts'
import type { Clock, Fingerprints, ManageTokens } from '../ports.ts'
import {
  linksWorkForSessionsEndingAfter,
  manageLinkExpired,
  manageTokenVersionOf,
} from '../rules/manage-links.ts'
import { normaliseEmail } from '../rules/people.ts'
import type { Booking } from '../schemas/booking.ts'
import { BOOKING_LIST_WINDOW_MINUTES } from './request-booking-list.ts'

/** The most bookings of one address whose links one request renews: one transaction's worth. */
export const MAX_RENEWED_LINKS = 99

const ATTEMPTS = 3

/**
 * The person's bookings whose manage links still work at `now` (any status: a cancelled booking's
 * page still shows the person's details), soonest first, at most `MAX_RENEWED_LINKS`. A renewal
 * replaces these links, and its email lists them.
 */
export async function bookingsWithWorkingLinks(
  deps: { manageLinks: Pick<ManageLinkStore, 'bookingsOf'>; policy: Pick<BookingPolicy, 'manageLinkDays'> },
  emailKey: string,
  now: Date,
): Promise<Booking[]> {
  const bookings = await deps.manageLinks.bookingsOf(
    emailKey,
    linksWorkForSessionsEndingAfter(now, deps.policy),
  )
  return bookings
    .filter((booking) => !manageLinkExpired(booking, now, deps.policy))
    .slice(0, MAX_RENEWED_LINKS)
}

/**
 * "Send me new links": every link to the person's bookings that still works is replaced by a new
 * one (the booking's token version rises, so the old links answer that they were replaced), and
 * one email to the address carries the new links. An unknown address gets nothing, and the caller
 * answers the same either way. One renewal per address per `BOOKING_LIST_WINDOW_MINUTES`: asking
 * again within it changes nothing, so the links the email carries stay the working ones.
 */
export async function renewManageLinks(
  deps: {
    manageLinks: ManageLinkStore
    tokens: ManageTokens
    clock: Clock
    fingerprints: Fingerprints
    policy: Pick<BookingPolicy, 'manageLinkDays'>
  },
  email: string,
): Promise<void> {
  const emailKey = normaliseEmail(email)
  const now = deps.clock.now()
  const window = Math.floor(now.getTime() / (BOOKING_LIST_WINDOW_MINUTES * MINUTE_MS))
  const who = deps.fingerprints.of(emailKey).slice(0, 32)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const bookings = await bookingsWithWorkingLinks(deps, emailKey, now)
    const [soonest] = bookings
    if (!soonest) return
    const renewals = bookings.map((booking) => {
      const fromVersion = manageTokenVersionOf(booking)
      const toVersion = fromVersion + 1
      return {
        bookingId: booking.id,
        fromVersion,
        toVersion,
        tokenHash: deps.tokens.hash(deps.tokens.issue(booking.id, toVersion)),
      }
    })
    const outcome = await deps.manageLinks.renew({
      renewals,
      email: {
        id: `manage-links-renewed-${who}-${window}`,
        kind: 'manage-links-renewed',
        bookingId: soonest.id,
        createdAt: now.toISOString(),
      },
      at: now,
    })
    if (outcome !== 'changed') return
  }
  throw new ServiceBusyError(1)
}
