import { type BookingReminderEmail, hasConfirmedPlace, snapshotOf } from '@ey/domain'
import { renderBookingReminder } from '../templates/index.ts'
import { type BookingDeliveryDeps, manageUrlOf } from './booking.ts'
import type { Prepared } from './prepared.ts'

/**
 * Renders a part's reminder from the booking and its session as they are now; skips it when it
 * is no longer true: the place was given up, the session cancelled or unpublished, the part moved
 * (a reminder timed for its new start follows) or already started.
 */
export async function prepareBookingReminder(
  deps: BookingDeliveryDeps,
  message: BookingReminderEmail,
): Promise<Prepared> {
  const booking = await deps.bookings.getBooking(message.bookingId)
  if (!booking) return { outcome: 'skipped', reason: 'booking-not-found' }
  if (!hasConfirmedPlace(booking.status)) return { outcome: 'skipped', reason: 'superseded' }
  const session = await deps.bookings.getSession(booking.sessionId)
  if (session?.status !== 'published') return { outcome: 'skipped', reason: 'session-not-published' }
  const part = session.parts[message.part]
  if (part?.startsAt !== message.partStartsAt) return { outcome: 'skipped', reason: 'part-moved' }
  if (new Date(part.startsAt) <= deps.clock.now()) return { outcome: 'skipped', reason: 'part-started' }

  const rendered = renderBookingReminder({
    booking: { ...booking, session: snapshotOf(session) },
    manageUrl: manageUrlOf(deps, booking),
    part: message.part,
    ...(session.joiningUrl ? { joiningUrl: session.joiningUrl } : {}),
  })
  return { outcome: 'ready', email: { to: booking.person.email, ...rendered } }
}
