import { DomainError } from '../errors.ts'
import type { BookingStatus } from '../schemas/booking.ts'

const TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  waiting: ['offered', 'confirmed', 'cancelled'],
  offered: ['confirmed', 'declined', 'expired', 'cancelled'],
  confirmed: ['cancelled', 'late-cancelled', 'attended', 'no-show'],
  // The register decides these three, and a reverted mark brings the booking back to confirmed.
  attended: ['no-show', 'confirmed'],
  'no-show': ['attended', 'confirmed'],
  declined: [],
  expired: [],
  cancelled: [],
  'late-cancelled': [],
}

const HOLDS_PLACE: ReadonlySet<BookingStatus> = new Set(['offered', 'confirmed', 'attended', 'no-show'])
const ENDED: ReadonlySet<BookingStatus> = new Set(['declined', 'expired', 'cancelled', 'late-cancelled'])

/** Whether a booking in this state counts against the session's capacity. */
export function holdsPlace(status: BookingStatus): boolean {
  return HOLDS_PLACE.has(status)
}

/**
 * Whether the booking holds a place that is not a mere offer: only such a booking gets the joining
 * link, the calendar events, reminders and the attendance check-in.
 */
export function hasConfirmedPlace(status: BookingStatus): boolean {
  return holdsPlace(status) && status !== 'offered'
}

/** Live bookings block the same person from booking the session again. */
export function isLive(status: BookingStatus): boolean {
  return !ENDED.has(status)
}

/** Whether the state machine allows this change. */
export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** What a status change does to the session's counters and indexes. */
export interface TransitionEffects {
  /** +1, 0 or -1 on the places held. A +1 must be conditional on a free place. */
  heldDelta: -1 | 0 | 1
  /** +1, 0 or -1 on the waiting list length. */
  waitingDelta: -1 | 0 | 1
  /** The booking leaves the waiting list (its queue entry is removed). */
  leavesQueue: boolean
  /** The person no longer has a live booking, so may book again. */
  releasesPerson: boolean
}

/**
 * The single source of counter changes: every path that changes a booking's status, admin paths
 * included, goes through here, so none can hold more places than the session has.
 */
export function transitionEffects(from: BookingStatus, to: BookingStatus): TransitionEffects {
  if (!canTransition(from, to)) {
    throw new DomainError('invalid-transition', `A ${from} booking cannot become ${to}.`)
  }
  const heldDelta = (Number(holdsPlace(to)) - Number(holdsPlace(from))) as -1 | 0 | 1
  const waitingDelta = (Number(to === 'waiting') - Number(from === 'waiting')) as -1 | 0 | 1
  return {
    heldDelta,
    waitingDelta,
    leavesQueue: from === 'waiting',
    releasesPerson: isLive(from) && !isLive(to),
  }
}
