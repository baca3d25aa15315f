import { DomainError } from '../errors.ts'
import type { BookingEmail, BookingEmailKind } from '../outbox.ts'
import type { BookingDeps } from '../ports.ts'
import { sharingChange } from '../rules/la-sharing.ts'
import { manageLinkExpired, manageTokenVersionOf, versionOfToken } from '../rules/manage-links.ts'
import { cancellationStatus } from '../rules/session-rules.ts'
import type { Booking } from '../schemas/booking.ts'
import { promoteFromWaitlist } from './fill-free-places.ts'

export interface ManagedBooking {
  booking: Booking
  waitlistPosition?: number
}

/**
 * The booking a manage token opens. An unknown id and a wrong token answer the same, so ids
 * cannot be probed. A genuine token answers `manage-link-expired` once the booking's links have
 * expired (`manageLinkExpired`), unless `worksUntil` names a later instant for this use of the
 * link (a questionnaire whose window closes later), and `manage-link-replaced` when it is of an
 * older version than the booking's (its links were renewed since); neither tells anything of the
 * booking.
 */
export async function openBooking(
  deps: Pick<BookingDeps, 'bookings' | 'tokens' | 'clock' | 'policy'>,
  bookingId: string,
  token: string,
  worksUntil?: (booking: Booking) => Promise<Date>,
): Promise<ManagedBooking> {
  const booking = await deps.bookings.getBooking(bookingId)
  if (!booking) throw new DomainError('booking-not-found')
  const current = sameHash(booking.manageTokenHash, deps.tokens.hash(token))
  const claimed = versionOfToken(token)
  const older =
    !current &&
    claimed < manageTokenVersionOf(booking) &&
    sameHash(deps.tokens.hash(deps.tokens.issue(booking.id, claimed)), deps.tokens.hash(token))
  if (!current && !older) throw new DomainError('booking-not-found')
  const now = deps.clock.now()
  if (manageLinkExpired(booking, now, deps.policy) && !(worksUntil && now < (await worksUntil(booking)))) {
    throw new DomainError(
      'manage-link-expired',
      `Links to a booking stop working ${deps.policy.manageLinkDays} days after its session ends.`,
    )
  }
  if (older) {
    throw new DomainError(
      'manage-link-replaced',
      'New links to this booking were sent since this one: use the link in the newest email.',
    )
  }
  const waitlistPosition = await deps.bookings.waitlistPosition(booking)
  return waitlistPosition === undefined ? { booking } : { booking, waitlistPosition }
}

/**
 * Compares two hashes in time that depends only on their length, never stopping at the first
 * difference, so response times cannot guess a stored hash character by character.
 */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}

/**
 * Cancels a booking (or leaves the waiting list) and gives the freed place to the next in line.
 * Cancelling an already-ended booking answers it unchanged.
 */
export async function cancelBooking(
  deps: BookingDeps,
  bookingId: string,
  token: string,
): Promise<ManagedBooking> {
  const { booking } = await openBooking(deps, bookingId, token)
  if (booking.status !== 'waiting' && booking.status !== 'offered' && booking.status !== 'confirmed') {
    if (booking.status === 'attended' || booking.status === 'no-show')
      throw new DomainError('cancellation-closed')
    // Cancelled already: a cancellation stopped before offering the place on is finished here.
    await promoteFromWaitlist(deps, booking.sessionId)
    return { booking }
  }
  const session = await deps.bookings.getSession(booking.sessionId)
  const now = deps.clock.now()
  const to =
    booking.status === 'confirmed' && session ? cancellationStatus(session, now, deps.policy) : 'cancelled'
  const updated = await deps.bookings.changeStatus({
    bookingId,
    from: booking.status,
    to,
    by: 'participant',
    at: now,
    outbox: message(deps, 'booking-cancelled', bookingId, now),
  })
  await promoteFromWaitlist(deps, booking.sessionId)
  return { booking: updated }
}

/** Takes up a place offered from the waiting list, while the offer stands. */
export async function acceptOffer(
  deps: BookingDeps,
  bookingId: string,
  token: string,
): Promise<ManagedBooking> {
  const { booking } = await openBooking(deps, bookingId, token)
  const now = deps.clock.now()
  if (booking.status !== 'offered' || (booking.offerExpiresAt && new Date(booking.offerExpiresAt) <= now)) {
    throw new DomainError('no-offer')
  }
  const updated = await deps.bookings.changeStatus({
    bookingId,
    from: 'offered',
    to: 'confirmed',
    by: 'participant',
    at: now,
    outbox: message(deps, 'booking-confirmed', bookingId, now),
  })
  return { booking: updated }
}

/** Turns down an offered place; it goes to the next in line. */
export async function declineOffer(
  deps: BookingDeps,
  bookingId: string,
  token: string,
): Promise<ManagedBooking> {
  const { booking } = await openBooking(deps, bookingId, token)
  if (booking.status !== 'offered') throw new DomainError('no-offer')
  const now = deps.clock.now()
  const updated = await deps.bookings.changeStatus({
    bookingId,
    from: 'offered',
    to: 'declined',
    by: 'participant',
    at: now,
  })
  await promoteFromWaitlist(deps, booking.sessionId)
  return { booking: updated }
}

/**
 * Agrees to share the booking with the person's LA (`agreed`), or withdraws that agreement, at
 * once: the booking itself changes, so the LA's next attendee list reads the new answer. Any status,
 * since the list holds every booking of a session in its period. Asking for what the booking already
 * says answers it unchanged and records nothing.
 */
export async function changeLaSharing(
  deps: BookingDeps,
  bookingId: string,
  token: string,
  agreed: boolean,
): Promise<ManagedBooking> {
  const opened = await openBooking(deps, bookingId, token)
  const entry = sharingChange(opened.booking, agreed, deps.clock.now())
  if (!entry) return opened
  return { ...opened, booking: await deps.bookings.changeLaSharing(bookingId, entry) }
}

/** Withdraws agreement to share the booking with the LA (see `changeLaSharing`). */
export function withdrawLaSharing(
  deps: BookingDeps,
  bookingId: string,
  token: string,
): Promise<ManagedBooking> {
  return changeLaSharing(deps, bookingId, token, false)
}

/** Agrees (again) to share the booking with the LA (see `changeLaSharing`). */
export function agreeLaSharing(deps: BookingDeps, bookingId: string, token: string): Promise<ManagedBooking> {
  return changeLaSharing(deps, bookingId, token, true)
}

/** What expiring one offer did: nothing (it had not lapsed), or expired it and moved this many people up. */
export type OfferExpiry = { expired: false } | { expired: true; promoted: number }

/**
 * Lets an offer that has lapsed by the clock's time go, telling the person, and passes its place
 * on. Throws `invalid-transition` when the offer was answered since `booking` was read.
 */
export async function expireOffer(deps: BookingDeps, booking: Booking): Promise<OfferExpiry> {
  const now = deps.clock.now()
  if (booking.status !== 'offered' || !booking.offerExpiresAt || new Date(booking.offerExpiresAt) > now)
    return { expired: false }
  await deps.bookings.changeStatus({
    bookingId: booking.id,
    from: 'offered',
    to: 'expired',
    by: 'system',
    at: now,
    outbox: message(deps, 'offer-expired', booking.id, now),
  })
  return { expired: true, promoted: await promoteFromWaitlist(deps, booking.sessionId) }
}

function message(deps: BookingDeps, kind: BookingEmailKind, bookingId: string, now: Date): BookingEmail {
  return { id: deps.ids.newId(), kind, bookingId, createdAt: now.toISOString() }
}
