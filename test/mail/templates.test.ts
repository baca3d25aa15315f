import { BOOKING_EMAIL_KINDS, type BookingEmailKind } from '@ey/domain'
import { escapeHtml, renderEmail } from '@ey/mail'
import { describe, expect, it } from 'vitest'
import { makeBooking, makeSnapshot, withChange } from '../support/factories.ts'

const MANAGE_URL = 'https://training.example.org/manage#id=bk_0001&token=secret-token'
const JOINING_URL = 'https://meet.example.org/j/123?pwd=abc'

/** A booking in the state each email is sent in. */
function bookingFor(kind: BookingEmailKind) {
  const base = makeBooking({ session: makeSnapshot({ format: 'hybrid' }) })
  switch (kind) {
    case 'booking-confirmed':
      return base
    case 'booking-waitlisted':
      return makeBooking({ ...base, status: 'waiting', waitlistTicket: 3 })
    case 'booking-promoted':
      return withChange(makeBooking({ ...base, status: 'waiting' }), 'waiting', 'confirmed')
    case 'place-offered':
      return makeBooking({ ...base, status: 'offered', offerExpiresAt: '2026-11-30T20:00:00.000Z' })
    case 'offer-expired':
      return withChange(makeBooking({ ...base, status: 'offered' }), 'offered', 'expired')
    case 'booking-cancelled':
      return withChange(base, 'confirmed', 'cancelled')
    case 'bookings-list':
      return base
    case 'session-cancelled':
      return withChange(base, 'confirmed', 'cancelled')
    case 'session-rescheduled':
      return withChange(base, 'confirmed', 'confirmed')
    case 'booking-exists':
    case 'manage-links-renewed':
      return base
  }
}

function render(kind: BookingEmailKind, overrides: { name?: string; joiningUrl?: string } = {}) {
  const booking = bookingFor(kind)
  if (overrides.name) booking.person = { ...booking.person, name: overrides.name }
  return renderEmail(kind, {
    booking,
    manageUrl: MANAGE_URL,
    waitlistPosition: 3,
    ...(overrides.joiningUrl ? { joiningUrl: overrides.joiningUrl } : {}),
  })
}

describe('renderEmail', () => {
  it.each(BOOKING_EMAIL_KINDS)(
    '%s carries the reference, the manage link and the London date and time',
    (kind) => {
      const email = render(kind)

      for (const body of [email.text, email.html]) {
        expect(body).toContain('K7QP-2MXD')
        expect(body).toContain('Tuesday 1 December 2026, 4pm to 5:30pm')
        expect(body).toContain('Speech, language and communication: core')
      }
      expect(email.text).toContain(MANAGE_URL)
      expect(email.html).toContain(`href="${escapeHtml(MANAGE_URL)}"`)
    },
  )

  it.each(BOOKING_EMAIL_KINDS.filter((kind) => kind !== 'bookings-list' && kind !== 'manage-links-renewed'))(
    '%s names the session in the subject',
    (kind) => {
      expect(render(kind).subject).toContain('Speech, language and communication: core')
    },
  )

  it.each(BOOKING_EMAIL_KINDS.filter((kind) => kind !== 'manage-links-renewed'))(
    '%s begins with fixed words, the name only after them',
    (kind) => {
      const email = render(kind, { name: 'Click here to claim your prize' })

      expect(email.text.indexOf('Hello from the early years SEND training programme.')).toBe(0)
      expect(email.text.indexOf('Click here')).toBeGreaterThan(email.text.indexOf('This email is for'))
    },
  )

  it.each(BOOKING_EMAIL_KINDS.filter((kind) => kind !== 'manage-links-renewed'))(
    '%s escapes HTML in the person’s name',
    (kind) => {
      const email = render(kind, { name: 'Amira <script>alert("hi")</script> & Co' })

      expect(email.html).toContain(
        'Hello from the early years SEND training programme. This email is for Amira &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; Co.',
      )
      expect(email.html).not.toContain('<script>')
      expect(email.text).toContain('This email is for Amira <script>alert("hi")</script> & Co.')
    },
  )

  it('manage-links-renewed opens with a fixed sentence and names nobody, whatever name was booked', () => {
    const email = render('manage-links-renewed', { name: 'Visit evil.example to claim a prize' })

    expect(email.text.startsWith('New links to your bookings were asked for on our website.')).toBe(true)
    expect(email.text).not.toContain('evil.example')
    expect(email.html).not.toContain('evil.example')
  })

  it.each(BOOKING_EMAIL_KINDS)('%s holds none of the person’s other details', (kind) => {
    const email = render(kind)

    for (const body of [email.subject, email.text, email.html]) {
      expect(body).not.toContain('amira.khan@example.test')
      expect(body).not.toContain('Little Acorns')
      expect(body).not.toContain('E08000035')
    }
  })

  it('escapes HTML in the session title, subject included in the page title', () => {
    const booking = makeBooking({ session: makeSnapshot({ title: 'Autism <b>awareness</b> & play' }) })

    const email = renderEmail('booking-confirmed', { booking, manageUrl: MANAGE_URL })

    expect(email.html).toContain(
      '<title>Booking confirmed: Autism &lt;b&gt;awareness&lt;/b&gt; &amp; play</title>',
    )
    expect(email.html).not.toContain('<b>')
  })

  it.each(['booking-confirmed', 'booking-promoted'] as const)(
    '%s gives the joining link to someone holding a confirmed place',
    (kind) => {
      const email = render(kind, { joiningUrl: JOINING_URL })

      expect(email.text).toContain(JOINING_URL)
      expect(email.html).toContain(`href="${escapeHtml(JOINING_URL)}"`)
    },
  )

  it.each(['booking-waitlisted', 'place-offered', 'offer-expired', 'booking-cancelled'] as const)(
    '%s never gives the joining link, even when one is passed in',
    (kind) => {
      const email = render(kind, { joiningUrl: JOINING_URL })

      expect(email.text).not.toContain('meet.example.org')
      expect(email.html).not.toContain('meet.example.org')
    },
  )

  it('never makes a link of a joining address that is not a web address', () => {
    const email = render('booking-confirmed', { joiningUrl: 'javascript:alert(1)' })

    expect(email.html).not.toContain('href="javascript:')
  })

  it('tells someone waiting their place in the queue', () => {
    const email = render('booking-waitlisted')

    expect(email.text).toContain('Your place in the queue: Number 3')
    expect(email.text).toContain('You do not have a place yet.')
  })

  it('tells someone offered a place until when it is held and what to do', () => {
    const email = render('place-offered')

    expect(email.subject).toContain('8pm on Monday 30 November 2026')
    expect(email.text).toContain('We are holding it for you until 8pm on Monday 30 November 2026.')
    expect(email.text).toContain('choose "Accept the place"')
    expect(email.text).toContain('offered to the next person on the waiting list')
  })

  it('tells someone whose offer lapsed that the place has gone on, and how to book again', () => {
    const email = render('offer-expired')

    expect(email.subject).toBe('Place no longer held: Speech, language and communication: core')
    expect(email.text).toContain('it was not accepted in time, so it has gone to the next person')
    expect(email.text).toContain('you can join the waiting list again')
  })

  it('lists every part of a course in London time', () => {
    const booking = makeBooking({
      session: makeSnapshot({
        parts: [
          { startsAt: '2026-10-20T15:00:00.000Z', endsAt: '2026-10-20T16:30:00.000Z' },
          { startsAt: '2026-10-27T16:00:00.000Z', endsAt: '2026-10-27T17:30:00.000Z' },
        ],
      }),
    })

    const email = renderEmail('booking-confirmed', { booking, manageUrl: MANAGE_URL })

    expect(email.text).toContain('  Part 1 of 2: Tuesday 20 October 2026, 4pm to 5:30pm')
    expect(email.text).toContain('  Part 2 of 2: Tuesday 27 October 2026, 4pm to 5:30pm')
  })

  it('tells someone who left the waiting list just that, without a calendar', () => {
    const left = withChange(makeBooking({ status: 'waiting' }), 'waiting', 'cancelled')

    const email = renderEmail('booking-cancelled', { booking: left, manageUrl: MANAGE_URL })

    expect(email.text).toContain('You are no longer on the waiting list')
    expect(email.text).not.toContain('calendar')
  })

  it('writes an HTML document in British English with a heading', () => {
    const { html } = render('booking-confirmed')

    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/)
    expect(html).toContain('<h1 style="font-size:24px;line-height:1.25;margin:0 0 16px">Booking confirmed: ')
  })
})
