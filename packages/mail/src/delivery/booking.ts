import type {
  Booking,
  BookingEmail,
  BookingEmailKind,
  BookingLookup,
  BookingRepository,
  Clock,
  EmailAttachment,
  ManageTokens,
} from '@ey/domain'
import { bookingPageUrl, manageUrl } from '@ey/presentation'
import { bookingCalendar, calendarMethodFor } from '../calendar.ts'
import { isStillTrue } from '../still-true.ts'
import { renderEmail } from '../templates/index.ts'
import type { Prepared } from './prepared.ts'

/** What the booking family's emails read when they go. */
export interface BookingDeliveryDeps {
  bookings: Pick<BookingRepository, 'getBooking' | 'getSession' | 'waitlistPosition'>
  tokens: Pick<ManageTokens, 'issue'>
  /** The public site's origin, e.g. `https://training.example.org`. */
  siteUrl: string
  /** The domain part of calendar event UIDs. */
  calendarDomain: string
  /** Named as the calendar events' organiser. */
  organizer?: { name: string; email: string }
  /** Finds every live booking of the person for a `bookings-list` email, at the clock's time. */
  lookup: BookingLookup
  clock: Clock
}

/** Renders the email a booking-family message stands for, reading the booking as it is now. */
export async function prepareBookingEmail(
  deps: BookingDeliveryDeps,
  message: BookingEmail,
): Promise<Prepared> {
  const booking = await deps.bookings.getBooking(message.bookingId)
  if (!booking) return { outcome: 'skipped', reason: 'booking-not-found' }
  if (!isStillTrue(message.kind, booking)) return { outcome: 'skipped', reason: 'superseded' }

  const manageUrl = manageUrlOf(deps, booking.id)
  const bookings = message.kind === 'bookings-list' ? await listedBookings(deps, booking) : undefined
  if (bookings?.length === 0) return { outcome: 'skipped', reason: 'no-live-bookings' }
  const waitlistPosition =
    message.kind === 'booking-waitlisted' ? await deps.bookings.waitlistPosition(booking) : undefined
  const joiningUrl = await joiningUrlFor(deps, message.kind, booking)
  const rendered = renderEmail(message.kind, {
    booking,
    manageUrl,
    ...(waitlistPosition === undefined ? {} : { waitlistPosition }),
    ...(joiningUrl === undefined ? {} : { joiningUrl }),
    ...(bookings === undefined ? {} : { bookings }),
  })
  return {
    outcome: 'ready',
    email: {
      to: booking.person.email,
      ...rendered,
      attachments: calendarAttachment(deps, message.kind, booking),
    },
  }
}

/** The booking's manage link, with a token issued for it. */
export function manageUrlOf(
  deps: Pick<BookingDeliveryDeps, 'siteUrl' | 'tokens'>,
  bookingId: string,
): string {
  return manageUrl(deps.siteUrl, bookingId, deps.tokens.issue(bookingId))
}

/** Every live booking of the person, as it stands when the list is sent, each with its manage link. */
async function listedBookings(deps: BookingDeliveryDeps, booking: Booking) {
  const live = await deps.lookup.liveBookingsOf(booking.emailKey, deps.clock.now())
  return live.map((b) => ({ booking: b, manageUrl: manageUrlOf(deps, b.id) }))
}

async function joiningUrlFor(
  deps: BookingDeliveryDeps,
  kind: BookingEmailKind,
  booking: Booking,
): Promise<string | undefined> {
  const announcesPlace = kind === 'booking-confirmed' || kind === 'booking-promoted'
  if (!announcesPlace || booking.session.format === 'in-person') return undefined
  return (await deps.bookings.getSession(booking.sessionId))?.joiningUrl
}

function calendarAttachment(
  deps: BookingDeliveryDeps,
  kind: BookingEmailKind,
  booking: Booking,
): EmailAttachment[] {
  const method = calendarMethodFor(kind, booking)
  if (!method) return []
  const content = bookingCalendar(booking, {
    bookingPageUrl: bookingPageUrl(deps.siteUrl, booking.id),
    method,
    domain: deps.calendarDomain,
    ...(deps.organizer ? { organizer: deps.organizer } : {}),
  })
  return [{ filename: 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content }]
}
