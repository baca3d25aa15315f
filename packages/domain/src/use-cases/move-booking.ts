import { DomainError, ValidationError } from '../errors.ts'
import type { BookingDeps, CatalogueRepository } from '../ports.ts'
import { bookingWindow, cancellationStatus, isEligibleLa, placementFor } from '../rules/session-rules.ts'
import type { BookingStatus } from '../schemas/booking.ts'
import type { Session } from '../schemas/session.ts'
import { type BookSessionResult, bookingFingerprint, bookSession } from './book-session.ts'
import { promoteFromWaitlist } from './fill-free-places.ts'
import { cancelBooking, openBooking } from './manage-booking.ts'

export interface MoveBookingInput {
  bookingId: string
  token: string
  /** Another session of the same course. */
  toSessionId: string
  /** One per move attempt: a retry after a lost answer gets the same new booking. */
  idempotencyKey: string
}

/** Bookings that can still move: those waiting for, offered or holding a place. */
const MOVABLE: ReadonlySet<BookingStatus> = new Set(['waiting', 'offered', 'confirmed'])

const NO_PLACE = 'There are no places left on that date, so your booking has not changed.'

/** How far ahead other dates are looked for. */
const HORIZON_MS = 365 * 24 * 60 * 60_000

/**
 * Moves a booking to another date of the same course in one step, taking the new place before
 * letting the old one go. Someone holding a place moves only onto a free place, and keeps theirs
 * when the last free place goes meanwhile; someone waiting may join the other date's queue.
 * Answers the new booking (its own id and manage token); the old one is cancelled, which passes
 * its place on. Idempotent by key, like booking.
 */
export async function moveBooking(deps: BookingDeps, input: MoveBookingInput): Promise<BookSessionResult> {
  const { booking } = await openBooking(deps, input.bookingId, input.token)
  if (input.toSessionId === booking.sessionId) {
    throw new ValidationError([
      { field: 'sessionId', message: 'Choose a date other than the one you have booked' },
    ])
  }
  const target = await deps.bookings.getSession(input.toSessionId)
  if (!target || target.status === 'draft' || target.courseId !== booking.session.courseId) {
    throw new ValidationError([{ field: 'sessionId', message: 'Choose another date of the same course' }])
  }
  const holding = booking.status === 'confirmed' || booking.status === 'offered'
  const idempotency = {
    key: input.idempotencyKey,
    fingerprint: bookingFingerprint(deps.fingerprints, target.id, booking.person),
  }
  // A retry of a move that went through skips the checks: its new place is already taken.
  const replay = await deps.bookings.findReplay(target.id, idempotency)
  if (!replay) {
    if (!MOVABLE.has(booking.status)) {
      throw new DomainError('invalid-transition', 'Only a booking that is still going ahead can be moved.')
    }
    const current = await deps.bookings.getSession(booking.sessionId)
    // Letting the old place go must be allowed before anything is taken.
    if (holding && current) cancellationStatus(current, deps.clock.now(), deps.policy)
    if (holding && placementFor(target) === 'wait') throw new DomainError('invalid-transition', NO_PLACE)
  }

  const moved = await bookSession(deps, {
    sessionId: target.id,
    idempotencyKey: input.idempotencyKey,
    person: booking.person,
    // The answer about sharing was given when booking; moving the date does not ask it again.
    laSharing: booking.laSharing ?? [],
  })
  if (!moved.replayed && holding && moved.booking.status !== 'confirmed') {
    // The last place went between the check and the booking. Undo the new booking without an
    // email (its "waiting list" email is no longer true, so it is not sent) and keep the old one.
    await deps.bookings.changeStatus({
      bookingId: moved.booking.id,
      from: moved.booking.status,
      to: 'cancelled',
      by: 'system',
      at: deps.clock.now(),
    })
    await promoteFromWaitlist(deps, target.id)
    throw new DomainError('invalid-transition', NO_PLACE)
  }
  if (MOVABLE.has(booking.status)) await cancelBooking(deps, booking.id, input.token)
  // A run stopped after letting the old place go, before offering it on: this run offers it.
  else if (moved.replayed) await promoteFromWaitlist(deps, booking.sessionId)
  return moved
}

/**
 * The other dates a booking could move to: sessions of the same course taking bookings now and
 * open to the person's local authority, in start order. None for a booking that can no longer move.
 */
export async function findMoveOptions(
  deps: BookingDeps & { catalogue: CatalogueRepository },
  bookingId: string,
  token: string,
): Promise<Session[]> {
  const { booking } = await openBooking(deps, bookingId, token)
  if (!MOVABLE.has(booking.status)) return []
  const now = deps.clock.now()
  const options: Session[] = []
  const sessions = deps.catalogue.listPublishedSessions({
    from: now,
    to: new Date(now.getTime() + HORIZON_MS),
  })
  for await (const session of sessions) {
    if (session.courseId !== booking.session.courseId || session.id === booking.sessionId) continue
    if (bookingWindow(session, now, deps.policy) !== 'open') continue
    if (isEligibleLa(session, booking.person.laCode)) options.push(session)
  }
  return options
}
