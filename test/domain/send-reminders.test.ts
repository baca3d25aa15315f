import { type Session, sendReminders } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { DAY, HOUR, makeBooking, makeSession, partAt } from '../support/factories.ts'
import { makeReminderDeps } from '../support/reminder-world.ts'
import { bookAll } from '../support/session-admin.ts'

const at = (instant: string, offsetMs = 0) => new Date(new Date(instant).getTime() + offsetMs)

/** A published session stored through the session store (so its reminders are written), with people booked. */
async function withBookings(deps: ReturnType<typeof makeReminderDeps>, session: Session, emails: string[]) {
  await deps.sessions.createSessions([session])
  return bookAll(deps, session.id, emails)
}

const sent = (deps: ReturnType<typeof makeReminderDeps>) =>
  deps.queued.map((m) => (m.kind === 'booking-reminder' ? [m.bookingId, m.part, m.leadMinutes] : m.kind))

describe('sendReminders', () => {
  it('queues one reminder per booking holding a confirmed place, and nothing more when run again', async () => {
    const deps = makeReminderDeps()
    const session = makeSession({ id: 'ses-a', capacity: 2, startsAt: '2026-03-16T16:00:00.000Z' })
    const [ada, bea, cai] = await withBookings(deps, session, ['ada@x.org', 'bea@x.org', 'cai@x.org'])
    deps.bookings.putBooking(makeBooking({ id: 'offered-1', sessionId: 'ses-a', status: 'offered' }))

    const twoDaysBefore = at('2026-03-14T16:00:00.000Z')
    expect(await sendReminders(deps, twoDaysBefore)).toEqual({ queued: 2, stale: 0, superseded: 0 })
    expect(await sendReminders(deps, twoDaysBefore)).toEqual({ queued: 0, stale: 0, superseded: 0 })
    expect(sent(deps)).toEqual([
      [ada, 0, 2880],
      [bea, 0, 2880],
    ])
    expect(deps.bookings.bookingsOf('ses-a').find((b) => b.id === cai)?.status).toBe('waiting')

    await sendReminders(deps, at('2026-03-16T14:00:00.000Z'))
    await sendReminders(deps, at('2026-03-16T14:05:00.000Z'))
    expect(sent(deps)).toEqual([
      [ada, 0, 2880],
      [bea, 0, 2880],
      [ada, 0, 120],
      [bea, 0, 120],
    ])
    expect(deps.queued[0]).toEqual({
      id: `booking-reminder-${ada}-0-2880-20260316T1600Z`,
      kind: 'booking-reminder',
      bookingId: ada,
      part: 0,
      leadMinutes: 2880,
      partStartsAt: '2026-03-16T16:00:00.000Z',
      createdAt: '2026-03-14T16:00:00.000Z',
    })
  })

  it('after two days down, sends nothing for a part that started meanwhile and only the latest lead of one still ahead', async () => {
    const deps = makeReminderDeps()
    const stoppedAt = at('2026-03-13T12:00:00.000Z')
    const [started] = await withBookings(
      deps,
      makeSession({ id: 'started', startsAt: '2026-03-14T18:00:00.000Z' }),
      ['ada@x.org'],
    )
    const [soon] = await withBookings(
      deps,
      makeSession({ id: 'soon', startsAt: '2026-03-15T13:00:00.000Z' }),
      ['bea@x.org'],
    )
    await withBookings(deps, makeSession({ id: 'later', startsAt: '2026-03-17T16:00:00.000Z' }), [
      'cai@x.org',
    ])
    await sendReminders(deps, stoppedAt)
    expect(sent(deps)).toEqual([[started, 0, 2880]])

    const report = await sendReminders(deps, at(stoppedAt.toISOString(), 2 * DAY))
    expect(report).toEqual({ queued: 1, stale: 1, superseded: 1 })
    expect(sent(deps)).toEqual([
      [started, 0, 2880],
      [soon, 0, 120],
    ])
    expect(await sendReminders(deps, at(stoppedAt.toISOString(), 2 * DAY))).toEqual({
      queued: 0,
      stale: 0,
      superseded: 0,
    })
  })

  // A part at 4pm London on the Monday after the clocks change: its 2-day reminder goes at 4pm London
  // on the Saturday, and its 2-hour one at 2pm London on the Monday, each a different UTC hour on
  // either side of the change (48 hours before would be an hour out).
  it.each([
    ['March, into BST', '2026-03-30T15:00:00.000Z', '2026-03-28T16:00:00.000Z', '2026-03-30T13:00:00.000Z'],
    [
      'October, back to GMT',
      '2026-10-26T16:00:00.000Z',
      '2026-10-24T15:00:00.000Z',
      '2026-10-26T14:00:00.000Z',
    ],
  ])(
    'sends reminders at the London time across the change of the clocks in %s',
    async (_, startsAt, twoDays, twoHours) => {
      const deps = makeReminderDeps()
      const [ada] = await withBookings(deps, makeSession({ startsAt }), ['ada@x.org'])
      expect(at(startsAt).getTime() - at(twoDays).getTime()).not.toBe(48 * HOUR)
      await sendReminders(deps, at(twoDays, -1))
      expect(sent(deps)).toEqual([])
      await sendReminders(deps, at(twoDays))
      expect(sent(deps)).toEqual([[ada, 0, 2880]])
      await sendReminders(deps, at(twoHours, -1))
      expect(sent(deps)).toHaveLength(1)
      await sendReminders(deps, at(twoHours))
      expect(sent(deps)).toEqual([
        [ada, 0, 2880],
        [ada, 0, 120],
      ])
    },
  )

  it('reminds of each part of a multi-part course in turn', async () => {
    const deps = makeReminderDeps()
    const parts = [partAt('2026-03-16T16:00:00.000Z'), partAt('2026-03-23T16:00:00.000Z')]
    const [ada] = await withBookings(deps, makeSession({ parts }), ['ada@x.org'])
    await sendReminders(deps, at('2026-03-16T14:00:00.000Z'))
    await sendReminders(deps, at('2026-03-21T16:00:00.000Z'))
    expect(sent(deps)).toEqual([
      [ada, 0, 120],
      [ada, 1, 2880],
    ])
  })

  it('sends nothing for a cancelled session, and nothing for a part whose session moved it since its reminder was written', async () => {
    const deps = makeReminderDeps()
    const cancelled = makeSession({ id: 'cancelled', startsAt: '2026-03-16T16:00:00.000Z' })
    await withBookings(deps, cancelled, ['ada@x.org'])
    await deps.sessions.saveSession({ ...cancelled, status: 'cancelled' }, 'published')
    const moved = makeSession({ id: 'moved', startsAt: '2026-03-16T16:00:00.000Z' })
    await withBookings(deps, moved, ['bea@x.org'])
    // Written around the store, as a failure between the session's write and its reminders' would leave it.
    deps.bookings.putSession({ ...moved, heldCount: 1, parts: [partAt('2026-03-18T16:00:00.000Z')] })

    expect(await sendReminders(deps, at('2026-03-14T16:00:00.000Z'))).toEqual({
      queued: 0,
      stale: 1,
      superseded: 0,
    })
    expect(deps.queued).toEqual([])
  })
})
