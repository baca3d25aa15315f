import { DomainError } from '../errors.ts'
import type { BookingDeps, SessionStore } from '../ports.ts'
import type { BookingStatus } from '../schemas/booking.ts'
import type { Session } from '../schemas/session.ts'

/** The states an organiser's cancellation ends; attended and no-show are history, kept as they are. */
const CANCELLABLE: ReadonlySet<BookingStatus> = new Set(['waiting', 'offered', 'confirmed'])

/** Attempts per booking when it keeps changing under us (the person cancels at the same moment). */
const ATTEMPTS = 5

/**
 * Cancels a session and every live booking of it, each through the booking state machine (so the
 * counters stay right) with a `session-cancelled` email written in the same transaction. The
 * session is marked first, so it takes no new bookings and promotes nobody while its bookings are
 * ended. Safe to run again: a booking already cancelled is skipped, so nobody is told twice.
 * Returns the session and how many bookings this run cancelled.
 */
export async function cancelSession(
  deps: BookingDeps & { sessions: SessionStore },
  sessionId: string,
  by: string,
): Promise<{ session: Session; cancelled: number }> {
  let session = await deps.sessions.getSession(sessionId)
  if (!session) throw new DomainError('session-not-found')
  if (session.status !== 'cancelled') {
    const marked: Session = { ...session, status: 'cancelled', updatedAt: deps.clock.now().toISOString() }
    await deps.sessions.saveSession(marked, session.status)
    session = marked
  }
  let cancelled = 0
  for (const bookingId of await deps.sessions.liveBookingIds(sessionId)) {
    if (await cancelOne(deps, bookingId, by)) cancelled++
  }
  return { session: (await deps.sessions.getSession(sessionId)) ?? session, cancelled }
}

async function cancelOne(deps: BookingDeps, bookingId: string, by: string): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const booking = await deps.bookings.getBooking(bookingId)
    if (!booking || !CANCELLABLE.has(booking.status)) return false
    const now = deps.clock.now()
    try {
      await deps.bookings.changeStatus({
        bookingId,
        from: booking.status,
        to: 'cancelled',
        by,
        at: now,
        outbox: { id: deps.ids.newId(), kind: 'session-cancelled', bookingId, createdAt: now.toISOString() },
      })
      return true
    } catch (error) {
      // The booking moved on between our read and write: read it again.
      if (!(error instanceof DomainError && error.code === 'invalid-transition')) throw error
    }
  }
  throw new DomainError('session-changed', 'A booking kept changing; run the cancellation again.')
}
