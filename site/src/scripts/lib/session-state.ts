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
