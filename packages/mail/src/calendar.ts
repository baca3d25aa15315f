import { TZDate } from '@date-fns/tz'
import { type Booking, isLive, LONDON } from '@ey/domain'
import { venueText } from '@ey/presentation'
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { CalendarMethod } from './calendar-method.ts'

export { type CalendarMethod, calendarMethodFor } from './calendar-method.ts'

export interface CalendarOptions {
  /**
   * The booking's page without its key (`bookingPageUrl`), in the description and URL of every
   * event: calendar files are shared and synced, so they carry no manage token.
   */
  bookingPageUrl: string
  /** Raise it on every change so calendars replace their copy; defaults to the booking's history length. */
  sequence?: number
  /** Defaults to CANCEL for a booking that has ended, PUBLISH otherwise. */
  method?: CalendarMethod
  /** The domain part of each event's UID (the site's host name). */
  domain: string
  /** The sender, named as organiser (RFC 5546 asks for one in PUBLISH and CANCEL). */
  organizer?: { name: string; email: string }
}

/**
 * An iCalendar file (RFC 5545) with one event per part of the booked session. UIDs are stable per
 * booking and part, so a later file with a higher SEQUENCE updates or cancels the same events.
 * Times carry TZID=Europe/London with its VTIMEZONE, so each part keeps its London wall-clock time
 * across the clocks changing.
 */
export function bookingCalendar(booking: Booking, options: CalendarOptions): string {
  const method = options.method ?? (isLive(booking.status) ? 'PUBLISH' : 'CANCEL')
  const calendar = new ICalCalendar({
    prodId: { company: options.domain, product: 'bookings', language: 'EN' },
    method: ICalCalendarMethod[method],
    // No calendar-wide zone name: DTSTAMP must stay in UTC; the events carry their own zone.
    timezone: { name: null, generator: getVtimezoneComponent },
  })
  const { title, parts } = booking.session
  parts.forEach((part, i) => {
    calendar.createEvent({
      id: `${booking.id}-${i + 1}@${options.domain}`,
      sequence: options.sequence ?? booking.history.length,
      // A TZDate (not a plain Date) makes ical-generator write London wall-clock times whatever
      // the server's own zone is.
      start: new TZDate(new Date(part.startsAt).getTime(), LONDON),
      end: new TZDate(new Date(part.endsAt).getTime(), LONDON),
      stamp: new Date(booking.updatedAt),
      timezone: LONDON,
      summary: parts.length > 1 ? `${title} (part ${i + 1} of ${parts.length})` : title,
      location: venueText(booking.session),
      description: `Booking reference: ${booking.reference}\nTo view or change your booking, use the link in your confirmation email, or ask for a new one: ${options.bookingPageUrl}`,
      url: options.bookingPageUrl,
      status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(options.organizer ? { organizer: options.organizer } : {}),
    })
  })
  return calendar.toString()
}
