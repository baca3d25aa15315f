import { MINUTE_MS } from '../config.ts'
import { AlreadyBookedError, DomainError, ValidationError } from '../errors.ts'
import type { OutboxStore } from '../outbox-ports.ts'
import type { BookingDeps, Fingerprints } from '../ports.ts'
import { DEFAULT_ABUSE_LIMITS, WaitingListFullError, waitingListCap } from '../rules/abuse-limits.ts'
import { sharingAnswered } from '../rules/la-sharing.ts'
import { manageTokenOf } from '../rules/manage-links.ts'
import { normaliseEmail } from '../rules/people.ts'
import { assertBookable, placementFor } from '../rules/session-rules.ts'
import type { Booking, LaSharingEvent, Person } from '../schemas/booking.ts'
import { type Session, snapshotOf } from '../schemas/session.ts'
import { promoteFromWaitlist } from './fill-free-places.ts'

export interface BookSessionInput {
  sessionId: string
  idempotencyKey: string
  person: Person
  /** The sharing history to carry over (a moved booking keeps its own); default: the answer given now. */
  laSharing?: LaSharingEvent[]
}

export interface BookSessionResult {
  booking: Booking
  manageToken: string
  waitlistPosition?: number
  replayed: boolean
}

/**
 * The fingerprint of one person's request to book one session, the same whatever the email's case,
 * so a reused Idempotency-Key with another body is caught.
 */
export function bookingFingerprint(fingerprints: Fingerprints, sessionId: string, person: Person): string {
  return fingerprints.of(
    JSON.stringify({ sessionId, person: { ...person, email: normaliseEmail(person.email) } }),
  )
}

/**
 * Books a place, or a place on the waiting list when the session is full, unless the waiting list
 * is full too (`waitingListCap`: 409 `waiting-list-full`). Idempotent by key: the same key with the
 * same request answers the booking it made the first time.
 */
export async function bookSession(deps: BookingDeps, input: BookSessionInput): Promise<BookSessionResult> {
  const { person } = input
  if (!deps.las.has(person.laCode)) {
    throw new ValidationError([{ field: 'laCode', message: 'Choose a local authority from the list' }])
  }
  const session = await deps.bookings.getSession(input.sessionId)
  if (!session || session.status === 'draft') throw new DomainError('session-not-found')
  const now = deps.clock.now()
  const idempotency = {
    key: input.idempotencyKey,
    fingerprint: bookingFingerprint(deps.fingerprints, session.id, person),
  }
  const maxWaiting = waitingListCap(session.capacity, deps.limits ?? DEFAULT_ABUSE_LIMITS)
  try {
    assertBookable(session, person.laCode, now, deps.policy)
    // Before the write, so the answer is the same whether or not the person already holds a booking.
    if (session.waitingCount >= maxWaiting) throw new WaitingListFullError(maxWaiting)
  } catch (error) {
    // A retry of a booking made before the window closed still answers that booking. On the
    // open path the transaction itself recognises a replayed key, so no read is spent on it.
    const replay = await deps.bookings.findReplay(session.id, idempotency)
    if (replay) return answer(deps, replay, true)
    throw error
  }

  const id = deps.ids.newId()
  const at = now.toISOString()
  const booking = draftBooking(deps, {
    id,
    session,
    person,
    at,
    ...(input.laSharing ? { laSharing: input.laSharing } : {}),
  })
  const message = (kind: 'booking-confirmed' | 'booking-waitlisted') => ({
    id: deps.ids.newId(),
    kind,
    bookingId: id,
    createdAt: at,
  })
  const result = await deps.bookings.placeBooking({
    booking,
    idempotency,
    outbox: { confirmed: message('booking-confirmed'), waiting: message('booking-waitlisted') },
    expected: placementFor(session),
    maxWaiting,
  })
  if (result.booking.status === 'waiting' && !result.replayed) {
    // A place freed while this booking joined the queue must not stay empty.
    const moved = await promoteFromWaitlist(deps, session.id)
    const current = moved > 0 ? await deps.bookings.getBooking(id) : result.booking
    return answer(deps, current ?? result.booking, false)
  }
  return answer(deps, result.booking, result.replayed)
}

/**
 * A new booking as it is offered to the repository, which decides its status (confirmed or
 * waiting) inside the write; its session details are snapshotted now, its reference drawn, and the
 * answer about sharing with the LA recorded with its time and the privacy notice's version.
 */
export function draftBooking(
  deps: Pick<BookingDeps, 'ids' | 'tokens'>,
  input: { id: string; session: Session; person: Person; at: string; laSharing?: LaSharingEvent[] },
): Booking {
  const { id, session, person, at } = input
  return {
    id,
    reference: deps.ids.newReference(),
    sessionId: session.id,
    status: 'confirmed',
    person,
    emailKey: normaliseEmail(person.email),
    manageTokenHash: deps.tokens.hash(deps.tokens.issue(id)),
    session: snapshotOf(session),
    createdAt: at,
    updatedAt: at,
    history: [],
    laSharing: input.laSharing ?? [sharingAnswered(person.shareWithLa, at)],
  }
}

async function answer(deps: BookingDeps, booking: Booking, replayed: boolean): Promise<BookSessionResult> {
  const waitlistPosition = await deps.bookings.waitlistPosition(booking)
  if (waitlistPosition !== undefined && waitlistPosition < 1) {
    // Nobody is ahead of a copy that says "waiting": it left the queue since it was read (another
    // caller's promotion gave it a place), so answer what it is now rather than "position 0".
    const current = await deps.bookings.getBooking(booking.id)
    if (current && current.status !== 'waiting') return answer(deps, current, replayed)
  }
  return {
    booking,
    manageToken: manageTokenOf(deps.tokens, booking),
    replayed,
    ...(waitlistPosition === undefined ? {} : { waitlistPosition }),
  }
}

/** However often an address books a session it already holds, it gets one reminder per this many minutes. */
export const BOOKING_EXISTS_WINDOW_MINUTES = 10

/** What a booking request did. The caller answers both the same, so neither is told apart. */
export type BookingRequestOutcome =
  | { kind: 'booked'; result: BookSessionResult }
  | { kind: 'already-booked'; bookingId: string }

/**
 * A booking request from the public: books as `bookSession` does, but when the address already
 * holds a live booking of the session, makes no second booking and queues, through the outbox like
 * every email, a `booking-exists` email with that booking's link to the address. The caller answers
 * both alike, so the answer never tells whether an address has booked (someone else may have typed
 * it). The email's id is the booking's and the window's, so repeats within
 * `BOOKING_EXISTS_WINDOW_MINUTES` (retries included) queue no second email.
 */
export async function requestBooking(
  deps: BookingDeps & { outbox: Pick<OutboxStore, 'enqueue'> },
  input: BookSessionInput,
): Promise<BookingRequestOutcome> {
  try {
    return { kind: 'booked', result: await bookSession(deps, input) }
  } catch (error) {
    if (!(error instanceof AlreadyBookedError)) throw error
    const now = deps.clock.now()
    const window = Math.floor(now.getTime() / (BOOKING_EXISTS_WINDOW_MINUTES * MINUTE_MS))
    await deps.outbox.enqueue({
      id: `booking-exists-${error.bookingId}-${window}`,
      kind: 'booking-exists',
      bookingId: error.bookingId,
      createdAt: now.toISOString(),
    })
    return { kind: 'already-booked', bookingId: error.bookingId }
  }
}
