import { DomainError } from '../errors.ts'
import type { BookingDeps, SessionStore } from '../ports.ts'
import type { Session } from '../schemas/session.ts'
import { promoteFromWaitlist } from './fill-free-places.ts'

/**
 * Sets a session's capacity. It never drops below the places held: the store's write is
 * conditional on that, so a booking made meanwhile cannot be squeezed out. Raising it gives the new
 * places to the waiting list at once.
 */
export async function changeCapacity(
  deps: BookingDeps & { sessions: SessionStore },
  sessionId: string,
  capacity: number,
): Promise<Session> {
  const session = await deps.sessions.getSession(sessionId)
  if (!session) throw new DomainError('session-not-found')
  if (session.status === 'cancelled') throw new DomainError('session-cancelled')
  if (capacity < session.heldCount) throw belowHeld(session.heldCount)
  const updated = await deps.sessions.setCapacity(sessionId, capacity, deps.clock.now())
  if (capacity > session.capacity) await promoteFromWaitlist(deps, sessionId)
  return (await deps.sessions.getSession(sessionId)) ?? updated
}

/** The refusal, naming the capacity field for the form. */
export function belowHeld(held: number): DomainError {
  const message = `${held} ${held === 1 ? 'place is' : 'places are'} already held: enter ${held} or more`
  return new DomainError('capacity-below-held', message, { fieldErrors: [{ field: 'capacity', message }] })
}
