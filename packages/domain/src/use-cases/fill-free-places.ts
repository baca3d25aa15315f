import { DomainError } from '../errors.ts'
import type { BookingEmail } from '../outbox.ts'
import type { BookingDeps } from '../ports.ts'
import { offerExpiry, placesLeft, promotionMode } from '../rules/session-rules.ts'

/** Upper bound on promotions in one call, so a corrupted counter can never spin forever. */
const MAX_ROUNDS = 1_000

/**
 * Gives free places to the waiting list in arrival order: confirmed outright while automatic
 * promotion runs, offered for a limited time close to the start. Safe to call from any number of
 * places at once; returns how many bookings it moved.
 */
export async function promoteFromWaitlist(deps: BookingDeps, sessionId: string): Promise<number> {
  let moved = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const session = await deps.bookings.getSession(sessionId)
    if (!session || placesLeft(session) === 0 || session.waitingCount === 0) return moved
    const now = deps.clock.now()
    const mode = promotionMode(session, now, deps.policy)
    if (mode === 'none') return moved
    const next = await deps.bookings.firstWaiting(sessionId)
    if (!next) return moved
    const outbox: BookingEmail = {
      id: deps.ids.newId(),
      kind: mode === 'confirm' ? 'booking-promoted' : 'place-offered',
      bookingId: next.id,
      createdAt: now.toISOString(),
    }
    try {
      await deps.bookings.changeStatus({
        bookingId: next.id,
        from: 'waiting',
        to: mode === 'confirm' ? 'confirmed' : 'offered',
        by: 'waitlist',
        at: now,
        outbox,
        ...(mode === 'offer' ? { offerExpiresAt: offerExpiry(session, now, deps.policy) } : {}),
      })
      moved++
    } catch (error) {
      // Another caller promoted or cancelled this person first: read again and carry on.
      if (!(error instanceof DomainError && error.code === 'invalid-transition')) throw error
    }
  }
  return moved
}
