import { bookingCalendar, calendarMethodFor, isStillTrue, renderEmail } from '@ey/mail'
import ICAL from 'ical.js'
import { afterEach, describe, expect, it } from 'vitest'
import { makeBooking, makeSnapshot, withChange } from '../support/factories.ts'

const MANAGE_URL = 'https://training.example.org/manage#id=bk_0001&token=t'
const OPTIONS = {
  bookingPageUrl: 'https://training.example.org/manage#id=bk_0001',
  domain: 'training.example.org',
}

/** UID, SEQUENCE, start (UTC) and status of each event in the file. */
function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => ({
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: vevent.getFirstPropertyValue('sequence'),
    start: String(vevent.getFirstPropertyValue('dtstart')),
    status: vevent.getFirstPropertyValue('status'),
  }))
}

/** The booking after an administrator moved its session a week on: new parts, a same-status history event. */
function rescheduled() {
  const booking = makeBooking()
  const moved = withChange(booking, 'confirmed', 'confirmed')
  moved.session = makeSnapshot({
    parts: [{ startsAt: '2026-12-08T16:00:00.000Z', endsAt: '2026-12-08T17:30:00.000Z' }],
  })
  return { booking, moved }
}

describe('emails about a session an administrator changed', () => {
  afterEach(() => ICAL.TimezoneService.reset())

  it('a rescheduling carries a calendar file with the same UID and a higher SEQUENCE at the new time', () => {
    const { booking, moved } = rescheduled()
    const method = calendarMethodFor('session-rescheduled', moved)
    expect(method).toBe('PUBLISH')

    const [before] = events(bookingCalendar(booking, OPTIONS))
    const [after] = events(bookingCalendar(moved, { ...OPTIONS, ...(method ? { method } : {}) }))

    expect(after?.uid).toBe(before?.uid)
    expect(Number(after?.sequence)).toBeGreaterThan(Number(before?.sequence))
    expect(after?.start).toContain('2026-12-08T16:00:00')
    const email = renderEmail('session-rescheduled', { booking: moved, manageUrl: MANAGE_URL })
    expect(email.subject).toBe('Session changed: Speech, language and communication: core')
    expect(email.text).toContain('Tuesday 8 December 2026')
  })

  it('a session cancellation removes the events of a confirmed place, and is sent only once the booking ended', () => {
    const cancelled = withChange(makeBooking(), 'confirmed', 'cancelled')
    expect(calendarMethodFor('session-cancelled', cancelled)).toBe('CANCEL')
    expect(events(bookingCalendar(cancelled, OPTIONS))[0]?.status).toBe('CANCELLED')
    expect(isStillTrue('session-cancelled', cancelled)).toBe(true)
    expect(isStillTrue('session-cancelled', makeBooking())).toBe(false)
  })

  it('a rescheduling for someone on the waiting list has no calendar file, and none is sent after a cancellation', () => {
    const waiting = makeBooking({ status: 'waiting', waitlistTicket: 1 })
    expect(calendarMethodFor('session-rescheduled', waiting)).toBeUndefined()
    expect(isStillTrue('session-rescheduled', withChange(makeBooking(), 'confirmed', 'cancelled'))).toBe(
      false,
    )
  })
})
