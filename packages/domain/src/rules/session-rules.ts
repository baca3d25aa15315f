import type { BookingPolicy } from '../config.ts'
import { MINUTE_MS } from '../config.ts'
import { DomainError } from '../errors.ts'
import type { Session } from '../schemas/session.ts'
import { sessionStart } from '../schemas/session.ts'
import { londonParts } from '../time.ts'

const WEEKDAYS = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])

/** A session is twilight when it starts at or after the policy's time, London time, on a weekday. */
export function isTwilight(startsAt: Date, policy: Pick<BookingPolicy, 'twilightFrom'>): boolean {
  const { weekday, time } = londonParts(startsAt)
  return WEEKDAYS.has(weekday) && time >= policy.twilightFrom
}

/** When bookings close: the session's own setting, or the policy's lead time before the start. */
export function bookingClosesAt(session: Session, policy: BookingPolicy): Date {
  if (session.bookingClosesAt) return new Date(session.bookingClosesAt)
  return new Date(sessionStart(session).getTime() - policy.bookingClosesBeforeMinutes * MINUTE_MS)
}

export type BookingWindow = 'open' | 'not-yet-open' | 'closed' | 'started' | 'cancelled' | 'draft'

/** Where a session stands for new bookings at `now`. */
export function bookingWindow(session: Session, now: Date, policy: BookingPolicy): BookingWindow {
  if (session.status === 'cancelled') return 'cancelled'
  if (session.status === 'draft') return 'draft'
  if (now >= sessionStart(session)) return 'started'
  if (now >= bookingClosesAt(session, policy)) return 'closed'
  if (session.bookingOpensAt && now < new Date(session.bookingOpensAt)) return 'not-yet-open'
  return 'open'
}

/** Places not held by anyone; never negative. */
export function placesLeft(session: Pick<Session, 'capacity' | 'heldCount'>): number {
  return Math.max(0, session.capacity - session.heldCount)
}

/** Whether a person from `laCode` may book: open sessions take anyone, bespoke ones their LAs only. */
export function isEligibleLa(session: Pick<Session, 'bespokeLaCodes'>, laCode: string): boolean {
  return session.bespokeLaCodes.length === 0 || session.bespokeLaCodes.includes(laCode)
}

const WINDOW_ERRORS = {
  cancelled: 'session-cancelled',
  draft: 'session-not-published',
  started: 'session-started',
  closed: 'booking-closed',
  'not-yet-open': 'booking-not-open',
} as const

/** Throws the reason a person from `laCode` cannot book `session` now; returns when they can. */
export function assertBookable(session: Session, laCode: string, now: Date, policy: BookingPolicy): void {
  const window = bookingWindow(session, now, policy)
  if (window !== 'open') throw new DomainError(WINDOW_ERRORS[window])
  if (!isEligibleLa(session, laCode)) {
    throw new DomainError(
      'bespoke-session',
      'This session is only for people whose setting is in the local authorities it was arranged for.',
      { fieldErrors: [{ field: 'laCode', message: 'This session is not open to your local authority' }] },
    )
  }
}

/** confirm: a freed place goes to the first waiting; offer: it is offered for a time; none: too late. */
export type PromotionMode = 'confirm' | 'offer' | 'none'

/**
 * How a freed place is filled at `now`. Close to the start a place is offered, not silently given:
 * someone told at the last minute may not see the email in time.
 */
export function promotionMode(session: Session, now: Date, policy: BookingPolicy): PromotionMode {
  if (session.status !== 'published') return 'none'
  const start = sessionStart(session).getTime()
  if (now.getTime() >= start) return 'none'
  if (now.getTime() < start - policy.autoPromotionStopsBeforeMinutes * MINUTE_MS) return 'confirm'
  return 'offer'
}

/** When an offer made at `now` lapses: after the hold time, and never after the start. */
export function offerExpiry(session: Session, now: Date, policy: BookingPolicy): Date {
  return new Date(
    Math.min(now.getTime() + policy.offerHoldMinutes * MINUTE_MS, sessionStart(session).getTime()),
  )
}

/** A new booking takes a place only when one is free and nobody is already waiting for it. */
export function placementFor(
  session: Pick<Session, 'capacity' | 'heldCount' | 'waitingCount'>,
): 'confirm' | 'wait' {
  return session.heldCount < session.capacity && session.waitingCount === 0 ? 'confirm' : 'wait'
}

/** Cancelling after bookings close is a late cancellation; after the start it is refused. */
export function cancellationStatus(
  session: Session,
  now: Date,
  policy: BookingPolicy,
): 'cancelled' | 'late-cancelled' {
  if (now >= sessionStart(session)) throw new DomainError('cancellation-closed')
  return now >= bookingClosesAt(session, policy) ? 'late-cancelled' : 'cancelled'
}
