import { DomainError } from '../errors.ts'
import type { BookingDeps, SessionStore } from '../ports.ts'
import { isLive } from '../rules/booking-state.ts'
import { type Session, type SessionSnapshot, snapshotOf } from '../schemas/session.ts'

/** Attempts per booking when it keeps changing under us (a cancellation, a promotion). */
const ATTEMPTS = 5

/**
 * Brings every live booking's copy of the session up to date. When the parts, format or venue
 * changed, the change is recorded in the booking's history (so the calendar SEQUENCE rises) and a
 * `session-rescheduled` email goes with it; a new title alone is copied silently. Bookings already
 * up to date are left alone, so running it again after a partial failure sends nothing twice.
 * Returns how many people were told.
 */
export async function updateLiveBookings(
  deps: BookingDeps & { sessions: SessionStore },
  session: Session,
  by: string,
): Promise<number> {
  const snapshot = snapshotOf(session)
  let told = 0
  for (const bookingId of await deps.sessions.liveBookingIds(session.id)) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const booking = await deps.bookings.getBooking(bookingId)
      if (!booking || !isLive(booking.status) || same(booking.session, snapshot)) break
      const now = deps.clock.now()
      const notify = changesPlaceOrTime(booking.session, snapshot)
      const written = await deps.sessions.changeSnapshot({
        bookingId,
        expectedUpdatedAt: booking.updatedAt,
        session: snapshot,
        at: now,
        ...(notify
          ? {
              notice: {
                by,
                outbox: {
                  id: deps.ids.newId(),
                  kind: 'session-rescheduled',
                  bookingId,
                  createdAt: now.toISOString(),
                },
              },
            }
          : {}),
      })
      if (written) {
        if (notify) told++
        break
      }
      if (attempt === ATTEMPTS - 1)
        throw new DomainError('session-changed', 'A booking kept changing; try again.')
    }
  }
  return told
}

function same(a: SessionSnapshot, b: SessionSnapshot): boolean {
  return canonical(a) === canonical(b)
}

function changesPlaceOrTime(a: SessionSnapshot, b: SessionSnapshot): boolean {
  const { title: _a, courseId: _c, ...restA } = a
  const { title: _b, courseId: _d, ...restB } = b
  return canonical(restA) !== canonical(restB)
}

/** JSON with sorted keys: stored items come back with their attributes in any order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  )
}
