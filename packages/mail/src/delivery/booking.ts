import {
  type Booking,
  type BookingEmail,
  type BookingEmailKind,
  type BookingLookup,
  type BookingPolicy,
  type BookingRepository,
  bookingsWithWorkingLinks,
  type Clock,
  type EmailAttachment,
  type ManageLinkStore,
  type ManageTokens,
  manageTokenOf,
} from '@ey/domain'
import { bookingPageUrl, manageUrl } from '@ey/presentation'
import { calendarMethodFor } from '../calendar-method.ts'
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
  /** Finds every booking of the person whose links still work, for a `manage-links-renewed` email. */
  manageLinks: Pick<ManageLinkStore, 'bookingsOf'>
  /** How long after a session its links work. */
  policy: Pick<BookingPolicy, 'manageLinkDays'>
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

  const manageUrl = manageUrlOf(deps, booking)
  const bookings = await listedBookings(deps, message.kind, booking)
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
      attachments: await calendarAttachment(deps, message.kind, booking),
    },
  }
}

/** The booking's manage link, with its current token (of the version the booking holds now). */
export function manageUrlOf(
  deps: Pick<BookingDeliveryDeps, 'siteUrl' | 'tokens'>,
  booking: Pick<Booking, 'id' | 'manageTokenVersion'>,
): string {
  return manageUrl(deps.siteUrl, booking.id, manageTokenOf(deps.tokens, booking))
}

/**
 * The bookings a list names, as they stand when it is sent, each with its manage link: every live
 * one for `bookings-list`, every one whose links still work for `manage-links-renewed`.
 */
async function listedBookings(deps: BookingDeliveryDeps, kind: BookingEmailKind, booking: Booking) {
  const now = deps.clock.now()
  const listed =
    kind === 'bookings-list'
      ? await deps.lookup.liveBookingsOf(booking.emailKey, now)
      : kind === 'manage-links-renewed'
        ? await bookingsWithWorkingLinks(deps, booking.emailKey, now)
        : undefined
  return listed?.map((b) => ({ booking: b, manageUrl: manageUrlOf(deps, b) }))
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

/**
 * The calendar file an email carries, if any. The calendar module (ical-generator) is loaded on the
 * first email that carries one: a bundle's chunk of its own, so a function started for a reminder,
 * an invitation or a digest does not load it.
 */
async function calendarAttachment(
  deps: BookingDeliveryDeps,
  kind: BookingEmailKind,
  booking: Booking,
): Promise<EmailAttachment[]> {
  const method = calendarMethodFor(kind, booking)
  if (!method) return []
  const { bookingCalendar } = await import('../calendar.ts')
  const content = bookingCalendar(booking, {
    bookingPageUrl: bookingPageUrl(deps.siteUrl, booking.id),
    method,
    domain: deps.calendarDomain,
    ...(deps.organizer ? { organizer: deps.organizer } : {}),
  })
  return [{ filename: 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content }]
}
