import type { SessionView } from '@ey/contract'

/** What a person can do about a session now, in words and as a link. */
export function bookingCall(session: SessionView): {
  text: string
  action?: { label: string; href: string }
} {
  const href = `/book/?id=${encodeURIComponent(session.id)}`
  if (session.status === 'cancelled') return { text: 'This session has been cancelled.' }
  if (Date.parse(session.startsAt) <= Date.now()) return { text: 'This session has already started.' }
  if (!session.bookable) {
    const opens = session.bookingOpensAt && Date.parse(session.bookingOpensAt) > Date.now()
    return {
      text: opens ? 'Bookings for this session are not open yet.' : 'Bookings for this session have closed.',
    }
  }
  if (session.placesLeft === 0) {
    return {
      text: 'This session is full. You can join the waiting list: if a place comes free, we will email you.',
      action: { label: 'Join the waiting list', href },
    }
  }
  return { text: '', action: { label: 'Book a place', href } }
}

/** A published session still ahead with no place left: where a person may ask to hear of a new date. */
export function isFullAhead(session: SessionView): boolean {
  return (
    session.status === 'published' && session.placesLeft === 0 && Date.parse(session.startsAt) > Date.now()
  )
}

/**
 * How far ahead a date counts as soon, in weeks: about a half term, the span over which settings
 * plan their rotas and release staff for training. A date further off does not help someone who
 * needs the training now, so the course page offers an alert too.
 */
export const SOON_WEEKS = 6

/** Whether any of a course's sessions could be booked soon: ahead, with a place free, within `SOON_WEEKS`. */
export function hasDateSoon(sessions: readonly SessionView[], now = Date.now()): boolean {
  const horizon = now + SOON_WEEKS * 7 * 86_400_000
  return sessions.some((session) => {
    const start = Date.parse(session.startsAt)
    return session.status === 'published' && session.placesLeft > 0 && start > now && start <= horizon
  })
}
