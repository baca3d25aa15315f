import type { BookingPolicy } from '../config.ts'
import type { LocalAuthorities } from '../ports.ts'
import type { InterestAlert } from '../schemas/interest-alert.ts'
import type { Session } from '../schemas/session.ts'
import { bookingWindow, isEligibleLa, placesLeft } from './session-rules.ts'

/** What matching needs beyond the alert and the session. */
export interface AlertMatchContext {
  las: LocalAuthorities
  now: Date
  policy: BookingPolicy
}

/**
 * Whether `session` is one the alert waits for: a published session of its course that the person
 * could still book (its window open or still to open, a place free, open to their LA), held where
 * the scope says. `la`: in person or hybrid at a venue in their LA; `region`: at a venue in the
 * same region as their LA; `online`: online or hybrid, wherever it is run from.
 */
export function alertMatches(
  alert: Pick<InterestAlert, 'courseId' | 'laCode' | 'scope' | 'status'>,
  session: Session,
  context: AlertMatchContext,
): boolean {
  if (alert.status !== 'open' || session.courseId !== alert.courseId) return false
  const window = bookingWindow(session, context.now, context.policy)
  if (window !== 'open' && window !== 'not-yet-open') return false
  if (placesLeft(session) === 0 || !isEligibleLa(session, alert.laCode)) return false
  const venueLa = session.format === 'online' ? undefined : session.venue?.laCode
  switch (alert.scope) {
    case 'online':
      return session.format !== 'in-person'
    case 'la':
      return venueLa === alert.laCode
    case 'region': {
      const region = venueLa === undefined ? undefined : context.las.regionOf(venueLa)
      return region !== undefined && region === context.las.regionOf(alert.laCode)
    }
  }
}

/** An open alert closed as sent for `sessionId` at `at`: the stores write this, and nothing else, on sending. */
export function alertSent(alert: InterestAlert, sessionId: string, at: Date): InterestAlert {
  const when = at.toISOString()
  return { ...alert, status: 'sent', sentSessionId: sessionId, updatedAt: when, closedAt: when }
}

/** An alert stopped at `at`; one already sent keeps the time it closed, from which its retention runs. */
export function alertStopped(alert: InterestAlert, at: Date): InterestAlert {
  const when = at.toISOString()
  return { ...alert, status: 'stopped', updatedAt: when, closedAt: alert.closedAt ?? when }
}
