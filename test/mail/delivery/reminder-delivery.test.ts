import {
  type Booking,
  type BookingReminderEmail,
  type OutgoingEmail,
  type Session,
  snapshotOf,
  type TrainerDigestEmail,
} from '@ey/domain'
import { type DeliveryDeps, deliver } from '@ey/mail'
import { describe, expect, it } from 'vitest'
import { READS_FINDING_NOTHING, recordingMailer } from '../../support/delivery-deps.ts'
import {
  fakeClock,
  makeBooking,
  makePerson,
  makeSession,
  makeVenue,
  partAt,
} from '../../support/factories.ts'
import { TRAINERS } from '../../support/reminder-world.ts'

const SITE_URL = 'https://training.example.org'
const STARTS_AT = '2026-03-16T16:00:00.000Z'

/** Delivery reading `sessions` and `bookings`, at `now`, sending into `sent`. */
function depsWith(sessions: Session[], bookings: Booking[], now = '2026-03-14T16:00:00.000Z') {
  const sent: OutgoingEmail[] = []
  const session = async (id: string) => sessions.find((s) => s.id === id)
  const deps: DeliveryDeps = {
    ...READS_FINDING_NOTHING,
    bookings: {
      getBooking: async (id) => bookings.find((b) => b.id === id),
      getSession: session,
      waitlistPosition: async () => undefined,
    },
    tokens: { issue: (id) => `token-of-${id}` },
    mailer: recordingMailer(sent),
    siteUrl: SITE_URL,
    calendarDomain: 'training.example.org',
    lookup: { liveBookingsOf: async () => [] },
    clock: fakeClock(now),
    reminders: {
      trainerParts: async (sub, date) =>
        sessions
          .filter((s) => s.trainerIds.includes(sub))
          .flatMap((s) => s.parts.map((p, part) => ({ sessionId: s.id, part, startsAt: p.startsAt })))
          .filter(({ startsAt }) => startsAt.startsWith(date))
          .map(({ sessionId, part }) => ({ sessionId, part })),
    },
    sessions: { getSession: session },
    registers: { sessionBookings: async (id) => bookings.filter((b) => b.sessionId === id) },
    staffDirectory: { get: async (sub) => TRAINERS.find((t) => t.sub === sub) },
  }
  return { deps, sent }
}

const session = makeSession({
  id: 'ses-1',
  format: 'hybrid',
  venue: makeVenue({ accessibility: 'Step-free entrance' }),
  joiningUrl: 'https://meet.example.org/j/1',
  startsAt: STARTS_AT,
  trainerIds: ['trainer-amira'],
})
const booking = makeBooking({ id: 'bk-1', sessionId: 'ses-1', session: snapshotOf(session) })

const reminder: BookingReminderEmail = {
  id: 'booking-reminder-bk-1-0-2880-20260316T1600Z',
  kind: 'booking-reminder',
  bookingId: 'bk-1',
  part: 0,
  leadMinutes: 2880,
  partStartsAt: STARTS_AT,
  createdAt: '2026-03-14T16:00:00.000Z',
}

describe('delivering a booking reminder', () => {
  it('sends it to the person with the session as it is now: venue, joining link and manage link', async () => {
    const renamed = {
      ...session,
      venue: makeVenue({ name: 'New Hall', accessibility: 'Lift to all floors' }),
    }
    const { deps, sent } = depsWith([renamed], [booking])
    expect(await deliver(deps, reminder)).toEqual({ outcome: 'sent', messageId: 'm-1' })
    expect(sent[0]?.to).toBe('amira.khan@example.test')
    expect(sent[0]?.text).toContain('New Hall')
    expect(sent[0]?.text).toContain('Accessibility: Lift to all floors')
    expect(sent[0]?.text).toContain('https://meet.example.org/j/1')
    expect(sent[0]?.text).toContain(`${SITE_URL}/manage#id=bk-1&token=token-of-bk-1`)
    expect(sent[0]?.attachments ?? []).toEqual([])
  })

  it.each([
    ['the booking is gone', [session], [], 'booking-not-found'],
    ['the place was given up', [session], [{ ...booking, status: 'cancelled' as const }], 'superseded'],
    ['the place is only offered', [session], [{ ...booking, status: 'offered' as const }], 'superseded'],
    [
      'the session was cancelled',
      [{ ...session, status: 'cancelled' as const }],
      [booking],
      'session-not-published',
    ],
    [
      'the part moved',
      [{ ...session, parts: [partAt('2026-03-17T16:00:00.000Z')] }],
      [booking],
      'part-moved',
    ],
  ])('skips it when %s', async (_, sessions, bookings, reason) => {
    const { deps, sent } = depsWith(sessions, bookings)
    expect(await deliver(deps, reminder)).toEqual({ outcome: 'skipped', reason })
    expect(sent).toEqual([])
  })

  it('skips it once the part has started', async () => {
    const { deps } = depsWith([session], [booking], STARTS_AT)
    expect(await deliver(deps, reminder)).toEqual({ outcome: 'skipped', reason: 'part-started' })
  })
})

describe('delivering a trainer digest', () => {
  const digest: TrainerDigestEmail = {
    id: 'trainer-digest-trainer-amira-2026-03-16',
    kind: 'trainer-digest',
    staffSub: 'trainer-amira',
    date: '2026-03-16',
    createdAt: '2026-03-15T07:00:00.000Z',
  }
  const withNeeds = makeBooking({
    id: 'bk-2',
    sessionId: 'ses-1',
    person: makePerson({ name: 'Grace Obi', email: 'grace@example.test', accessNeeds: 'BSL interpreter' }),
  })

  it('sends the trainer’s parts of the day to their address in the staff directory', async () => {
    const { deps, sent } = depsWith([session], [booking, withNeeds], '2026-03-15T07:00:00.000Z')
    expect(await deliver(deps, digest)).toEqual({ outcome: 'sent', messageId: 'm-1' })
    expect(sent[0]?.to).toBe('trainer-amira@staff.example.org')
    expect(sent[0]?.subject).toBe('Your session on Monday 16 March 2026')
    expect(sent[0]?.text).toContain('This is the session you are running on Monday 16 March 2026')
    expect(sent[0]?.text).toContain('Booked: 2')
    expect(sent[0]?.text).toContain('Access needs: Grace Obi: BSL interpreter')
    expect(sent[0]?.text).not.toContain('grace@example.test')
  })

  it('skips a digest whose date is past, and one with nothing left to list', async () => {
    const late = depsWith([session], [booking], '2026-03-17T00:00:00.000Z')
    expect(await deliver(late.deps, digest)).toEqual({ outcome: 'skipped', reason: 'date-past' })
    const cancelled = depsWith([{ ...session, status: 'cancelled' }], [booking], '2026-03-15T07:00:00.000Z')
    expect(await deliver(cancelled.deps, digest)).toEqual({ outcome: 'skipped', reason: 'nothing-to-list' })
  })
})
