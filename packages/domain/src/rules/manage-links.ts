import type { BookingPolicy } from '../config.ts'
import type { ManageTokens } from '../ports.ts'
import type { Booking } from '../schemas/booking.ts'
import { sessionEnd } from '../schemas/session.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The version of a booking's current manage token: 1 until its links are first renewed. */
export function manageTokenVersionOf(booking: Pick<Booking, 'manageTokenVersion'>): number {
  return booking.manageTokenVersion ?? 1
}

/**
 * The booking's current manage token. Every link to a booking (emails, reminders, invitations,
 * offers, the answer to a booking or a move) is built from this one, so it always carries the
 * version the booking holds now.
 */
export function manageTokenOf(
  tokens: Pick<ManageTokens, 'issue'>,
  booking: Pick<Booking, 'id' | 'manageTokenVersion'>,
): string {
  return tokens.issue(booking.id, manageTokenVersionOf(booking))
}

/** The version a token claims: `<version>.` before it, or 1 without (the first links' form). */
export function versionOfToken(token: string): number {
  const claimed = /^([1-9]\d{0,5})\./.exec(token)?.[1]
  return claimed ? Number(claimed) : 1
}

/**
 * The instant a booking's manage links stop working: `policy.manageLinkDays` after its session's
 * last part ends (as the booking's copy of the session says). At that instant exactly, and after,
 * a link answers that it has expired.
 */
export function manageLinkExpiresAt(
  booking: Pick<Booking, 'session'>,
  policy: Pick<BookingPolicy, 'manageLinkDays'>,
): Date {
  return new Date(sessionEnd(booking.session).getTime() + policy.manageLinkDays * DAY_MS)
}

/** Whether a booking's manage links have stopped working at `now`. */
export function manageLinkExpired(
  booking: Pick<Booking, 'session'>,
  now: Date,
  policy: Pick<BookingPolicy, 'manageLinkDays'>,
): boolean {
  return now >= manageLinkExpiresAt(booking, policy)
}

/**
 * The earliest session end whose bookings' links still work at `now`: a person's bookings of
 * sessions ending after it are the ones whose links a renewal replaces.
 */
export function linksWorkForSessionsEndingAfter(
  now: Date,
  policy: Pick<BookingPolicy, 'manageLinkDays'>,
): Date {
  return new Date(now.getTime() - policy.manageLinkDays * DAY_MS)
}
