import { bookingCalendar } from '@ey/mail'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeBooking, makeSnapshot, withChange } from '../support/factories.ts'

const BOOKING_PAGE = 'https://training.example.org/manage#id=bk_0001'
const OPTIONS = { bookingPageUrl: BOOKING_PAGE, domain: 'training.example.org' }

/** Parses the file as a calendar client would, London's zone taken from the file itself. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  const zone = calendar.getFirstSubcomponent('vtimezone')
  if (!zone) throw new Error('no VTIMEZONE in the file')
  ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
  return { calendar, events }
}

/** Each event's start and end as London wall-clock time, and as the UTC instant it denotes. */
function times(event: ICAL.Event) {
  return {
    tzid: event.component.getFirstProperty('dtstart')?.getParameter('tzid'),
    start: event.startDate.toString(),
    end: event.endDate.toString(),
    startUtc: event.startDate.toJSDate().toISOString(),
    endUtc: event.endDate.toJSDate().toISOString(),
  }
}

describe('bookingCalendar', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    ICAL.TimezoneService.reset()
  })

  it('puts a winter session at its London time (GMT)', () => {
    const { events } = parse(bookingCalendar(makeBooking(), OPTIONS))

    expect(events.map(times)).toEqual([
      {
        tzid: 'Europe/London',
        start: '2026-12-01T16:00:00',
        end: '2026-12-01T17:30:00',
        startUtc: '2026-12-01T16:00:00.000Z',
        endUtc: '2026-12-01T17:30:00.000Z',
      },
    ])
  })

  it('puts a summer session at its London time (BST), not at its UTC time', () => {
    const booking = makeBooking({
      session: makeSnapshot({
        parts: [{ startsAt: '2026-06-02T15:00:00.000Z', endsAt: '2026-06-02T16:30:00.000Z' }],
      }),
    })

    const { events } = parse(bookingCalendar(booking, OPTIONS))

    expect(events.map(times)).toEqual([
      {
        tzid: 'Europe/London',
        start: '2026-06-02T16:00:00',
        end: '2026-06-02T17:30:00',
        startUtc: '2026-06-02T15:00:00.000Z',
        endUtc: '2026-06-02T16:30:00.000Z',
      },
    ])
  })

  it('keeps each part of a course at 4pm London time across the clocks going back', () => {
    // The clocks go back on Sunday 25 October 2026: 4pm is 15:00 UTC before it and 16:00 UTC after.
    const booking = makeBooking({
      session: makeSnapshot({
        parts: [
          { startsAt: '2026-10-20T15:00:00.000Z', endsAt: '2026-10-20T16:30:00.000Z' },
          { startsAt: '2026-10-27T16:00:00.000Z', endsAt: '2026-10-27T17:30:00.000Z' },
        ],
      }),
    })

    const { events } = parse(bookingCalendar(booking, OPTIONS))

    expect(events.map((event) => [times(event).start, times(event).startUtc])).toEqual([
      ['2026-10-20T16:00:00', '2026-10-20T15:00:00.000Z'],
      ['2026-10-27T16:00:00', '2026-10-27T16:00:00.000Z'],
    ])
    expect(events.map((event) => event.summary)).toEqual([
      'Speech, language and communication: core (part 1 of 2)',
      'Speech, language and communication: core (part 2 of 2)',
    ])
    expect(events.map((event) => event.uid)).toEqual([
      'bk_0001-1@training.example.org',
      'bk_0001-2@training.example.org',
    ])
  })

  it('writes London wall-clock times whatever the server’s own time zone is', () => {
    const booking = makeBooking({
      session: makeSnapshot({
        parts: [{ startsAt: '2026-06-02T15:00:00.000Z', endsAt: '2026-06-02T16:30:00.000Z' }],
      }),
    })
    vi.stubEnv('TZ', 'America/New_York')

    const { events } = parse(bookingCalendar(booking, OPTIONS))

    expect(times(events[0] as ICAL.Event).start).toBe('2026-06-02T16:00:00')
  })

  it('gives the place, the booking’s page (no manage token) and the reference, and stamps the file in UTC', () => {
    const ics = bookingCalendar(makeBooking(), OPTIONS)
    const { calendar, events } = parse(ics)
    const [event] = events as [ICAL.Event]

    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(event.summary).toBe('Speech, language and communication: core')
    expect(event.location).toBe('Riverside Family Hub, 12 Mill Lane, Leeds, LS1 4AB')
    expect(event.description).toContain(BOOKING_PAGE)
    expect(event.description).toContain('link in your confirmation email')
    expect(event.description).toContain('K7QP-2MXD')
    expect(event.component.getFirstPropertyValue('url')).toBe(BOOKING_PAGE)
    expect(ics).not.toContain('token')
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/)
  })

  it('says Online for a session run online', () => {
    const booking = makeBooking({ session: makeSnapshot({ format: 'online', venue: undefined }) })

    const [event] = parse(bookingCalendar(booking, OPTIONS)).events

    expect(event?.location).toBe('Online')
  })

  it('cancels the same events with a higher sequence once the booking is cancelled', () => {
    const confirmed = makeBooking()
    const cancelled = withChange(confirmed, 'confirmed', 'cancelled')

    const before = parse(bookingCalendar(confirmed, OPTIONS))
    const after = parse(bookingCalendar(cancelled, OPTIONS))

    expect(after.calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(after.events.map((event) => event.component.getFirstPropertyValue('status'))).toEqual([
      'CANCELLED',
    ])
    expect(after.events.map((event) => event.uid)).toEqual(before.events.map((event) => event.uid))
    expect(after.events[0]?.sequence).toBeGreaterThan(before.events[0]?.sequence ?? Number.POSITIVE_INFINITY)
  })

  it('uses the sequence it is given, for a reschedule', () => {
    const [event] = parse(bookingCalendar(makeBooking(), { ...OPTIONS, sequence: 7 })).events

    expect(event?.sequence).toBe(7)
  })
})
