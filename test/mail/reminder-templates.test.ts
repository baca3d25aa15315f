import type { TrainerDigest } from '@ey/domain'
import { escapeHtml, renderBookingReminder, renderTrainerDigest } from '@ey/mail'
import { describe, expect, it } from 'vitest'
import { makeBooking, makeSession, makeSnapshot, makeVenue, partAt } from '../support/factories.ts'

const MANAGE_URL = 'https://training.example.org/manage#id=bk_0001&token=secret-token'
const JOINING_URL = 'https://meet.example.org/j/123?pwd=abc'
const SITE_URL = 'https://training.example.org'

const venue = makeVenue({ accessibility: 'Step-free entrance; hearing loop in the main room' })
const twoParts = [
  { startsAt: '2026-10-20T15:00:00.000Z', endsAt: '2026-10-20T16:30:00.000Z' },
  { startsAt: '2026-10-27T16:00:00.000Z', endsAt: '2026-10-27T17:30:00.000Z' },
]

function reminder(format: 'online' | 'in-person' | 'hybrid', part = 0, parts = twoParts.slice(0, 1)) {
  const session = makeSnapshot({ format, parts, ...(format === 'online' ? { venue: undefined } : { venue }) })
  const { venue: _none, ...online } = session
  return renderBookingReminder({
    booking: makeBooking({ session: format === 'online' ? online : session }),
    manageUrl: MANAGE_URL,
    part,
    ...(format === 'in-person' ? {} : { joiningUrl: JOINING_URL }),
  })
}

describe('renderBookingReminder', () => {
  it.each(['online', 'in-person', 'hybrid'] as const)(
    'reminds of a %s session with its London date and time and the manage link, in text and HTML',
    (format) => {
      const email = reminder(format)
      expect(email.subject).toBe(
        'Reminder: Speech, language and communication: core, Tuesday 20 October 2026 at 4pm',
      )
      for (const body of [email.text, email.html]) {
        expect(body).toContain('K7QP-2MXD')
        expect(body).toContain('Tuesday 20 October 2026, 4pm to 5:30pm')
      }
      expect(email.text).toContain(`View or change your booking:\n${MANAGE_URL}`)
      expect(email.html).toContain(`href="${escapeHtml(MANAGE_URL)}"`)
      expect(email.html).toMatch(/^<!doctype html>/)
    },
  )

  it('gives an online session its joining link and no venue', () => {
    const email = reminder('online')
    expect(email.text).toContain(`Join the session online:\n${JOINING_URL}`)
    expect(email.html).toContain(`href="${escapeHtml(JOINING_URL)}"`)
    expect(email.text).toContain('Where: Online')
    expect(email.text).not.toContain('Riverside')
  })

  it('gives an in-person session the venue, its address and accessibility notes, and no joining link', () => {
    const email = reminder('in-person')
    expect(email.text).toContain('Where:\n  Riverside Family Hub\n  12 Mill Lane\n  Leeds\n  LS1 4AB')
    expect(email.text).toContain('Accessibility: Step-free entrance; hearing loop in the main room')
    expect(email.html).toContain('<dd style="margin:0 0 8px">12 Mill Lane</dd>')
    expect(email.text).not.toContain('meet.example.org')
  })

  it('gives a hybrid session both the venue and the joining link', () => {
    const email = reminder('hybrid')
    expect(email.text).toContain('Riverside Family Hub')
    expect(email.text).toContain('Accessibility: Step-free entrance')
    expect(email.text).toContain(JOINING_URL)
  })

  it('names the part of a multi-part course, with that part’s London time', () => {
    const email = reminder('online', 1, twoParts)
    expect(email.subject).toBe(
      'Reminder: Speech, language and communication: core (part 2 of 2), Tuesday 27 October 2026 at 4pm',
    )
    expect(email.text).toContain(
      'A reminder of your place on Speech, language and communication: core. This is part 2 of 2.',
    )
    expect(email.text).toContain('Part: 2 of 2')
    expect(email.text).toContain('When: Tuesday 27 October 2026, 4pm to 5:30pm')
    expect(email.text).not.toContain('20 October')
  })

  it('holds none of the person’s other details and escapes what they wrote', () => {
    const booking = makeBooking({ session: makeSnapshot({ venue }) })
    booking.person = { ...booking.person, name: 'Amira <b>Khan</b>' }
    const email = renderBookingReminder({ booking, manageUrl: MANAGE_URL, part: 0 })
    expect(email.html).toContain('This email is for Amira &lt;b&gt;Khan&lt;/b&gt;.')
    for (const body of [email.subject, email.text, email.html]) {
      expect(body).not.toContain('amira.khan@example.test')
      expect(body).not.toContain('Little Acorns')
    }
  })
})

describe('renderTrainerDigest', () => {
  const digest: TrainerDigest = {
    trainer: {
      sub: 'trainer-amira',
      username: 'trainer-amira',
      name: 'Amira Khan',
      email: 'trainer-amira@staff.example.org',
      roles: ['trainer'],
      laCodes: [],
      invitedAt: '2026-01-05T09:00:00.000Z',
      invitedBy: 'seed',
    },
    date: '2026-10-27',
    parts: [
      {
        session: makeSession({
          id: 's-online',
          title: 'Makaton taster',
          parts: [partAt('2026-10-20T09:00:00.000Z'), partAt('2026-10-27T10:00:00.000Z')],
          joiningUrl: JOINING_URL,
        }),
        part: 1,
        booked: 12,
        waiting: 3,
        accessNeeds: [{ name: 'Ada Lovelace', needs: 'Captions, please <3' }],
      },
      {
        session: makeSession({
          id: 's-venue',
          format: 'in-person',
          venue,
          parts: [partAt('2026-10-27T16:00:00.000Z', 120)],
        }),
        part: 0,
        booked: 20,
        waiting: 0,
        accessNeeds: [],
      },
    ],
  }

  it('lists each part with its London time, place, numbers and access needs, in text and HTML', () => {
    const email = renderTrainerDigest(digest, SITE_URL)
    expect(email.subject).toBe('Your sessions on Tuesday 27 October 2026')
    expect(email.text).toContain('Hello Amira Khan,')
    expect(email.text).toContain('These are the sessions you are running on Tuesday 27 October 2026')
    expect(email.text).toContain(
      'Session: Makaton taster, part 2 of 2\nTime: 10am to 11:30am\nWhere: Online\nBooked: 12\nWaiting list: 3\nAccess needs: Ada Lovelace: Captions, please <3',
    )
    expect(email.text).toContain(
      'Time: 4pm to 6pm\nWhere: Riverside Family Hub, 12 Mill Lane, Leeds, LS1 4AB\nBooked: 20\nWaiting list: 0\nAccess needs: None given',
    )
    expect(email.html).toContain('Ada Lovelace: Captions, please &lt;3')
    expect(email.text).toContain(`Joining link for Makaton taster:\n${JOINING_URL}`)
  })

  it('links each part’s register and the trainer’s sessions', () => {
    const email = renderTrainerDigest(digest, SITE_URL)
    const register = `${SITE_URL}/staff/sessions/register/?id=s-online&part=1`
    expect(email.text).toContain(`Open the register of Makaton taster:\n${register}`)
    expect(email.html).toContain(`href="${escapeHtml(register)}"`)
    expect(email.html).toContain(`href="${SITE_URL}/staff/sessions/"`)
  })

  it('carries no email address', () => {
    const email = renderTrainerDigest(digest, SITE_URL)
    for (const body of [email.subject, email.text, email.html]) expect(body).not.toMatch(/@\w/)
  })
})
