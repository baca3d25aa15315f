import { randomUUID } from 'node:crypto'
import type { ReminderSchedule, Session, SessionStore } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { DAY, HOUR, MINUTE, makeSession, partAt } from './factories.ts'

/** A session store and the reminder schedule it keeps in line. */
export interface ReminderSubject {
  sessions: Pick<SessionStore, 'createSessions' | 'saveSession'>
  reminders: ReminderSchedule
}

const at = (instant: string, offsetMs = 0) => new Date(new Date(instant).getTime() + offsetMs)

/**
 * The contract of the reminder schedule and the session store that writes it, run against the
 * in-memory fakes and DynamoDB Local alike. Every test makes sessions of its own, so `makeSubject`
 * may hand back the same table each time.
 */
export function describeReminderScheduleContract(name: string, makeSubject: () => Promise<ReminderSubject>) {
  describe(name, () => {
    /** A published two-part online session (16 and 23 March 2026, 4pm London, GMT) with an id of its own. */
    async function stored(overrides: Partial<Session> = {}) {
      const subject = await makeSubject()
      const session = makeSession({
        id: `s-${randomUUID()}`,
        parts: [partAt('2026-03-16T16:00:00.000Z'), partAt('2026-03-23T16:00:00.000Z')],
        ...overrides,
      })
      await subject.sessions.createSessions([session])
      const due = async (now: Date) =>
        (await subject.reminders.dueReminders(now))
          .filter((reminder) => reminder.sessionId === session.id)
          .map(({ part, leadMinutes, at }) => ({ part, leadMinutes, at }))
      const dueDays = async (now: Date) =>
        (await subject.reminders.dueDigestParts(now))
          .filter((entry) => entry.sessionId === session.id)
          .map(({ part, date, at, trainerIds }) => ({ part, date, at, trainerIds }))
      return { ...subject, session, due, dueDays }
    }

    it('writes a reminder 2 days and 2 hours before each part of a published session, each due from its time', async () => {
      const { due } = await stored()
      const twoDays = '2026-03-14T16:00:00.000Z'
      expect(await due(at(twoDays, -1))).toEqual([])
      expect(await due(at(twoDays))).toEqual([{ part: 0, leadMinutes: 2880, at: twoDays }])
      expect(await due(at('2026-03-23T14:00:00.000Z'))).toEqual([
        { part: 0, leadMinutes: 2880, at: twoDays },
        { part: 0, leadMinutes: 120, at: '2026-03-16T14:00:00.000Z' },
        { part: 1, leadMinutes: 2880, at: '2026-03-21T16:00:00.000Z' },
        { part: 1, leadMinutes: 120, at: '2026-03-23T14:00:00.000Z' },
      ])
    })

    it('keeps none for a draft or a cancelled session, and writes them when it is published', async () => {
      const { sessions, session, due } = await stored({ status: 'draft' })
      const later = new Date('2026-04-01T00:00:00.000Z')
      expect(await due(later)).toEqual([])
      await sessions.saveSession({ ...session, status: 'published' }, 'draft')
      expect(await due(later)).toHaveLength(4)
      await sessions.saveSession({ ...session, status: 'cancelled' }, 'published')
      expect(await due(later)).toEqual([])
    })

    it('keeps a cleared reminder cleared through a save that does not move its part, and moves it with the part', async () => {
      const { sessions, reminders, session, due } = await stored({
        parts: [partAt('2026-03-16T16:00:00.000Z')],
      })
      const [first] = (await reminders.dueReminders(at('2026-03-14T16:00:00.000Z'))).filter(
        (r) => r.sessionId === session.id,
      )
      if (!first) throw new Error('the 2-day reminder is due')
      await reminders.clearReminder(first, at(first.at))
      expect(await due(at('2026-03-15T00:00:00.000Z'))).toEqual([])

      await sessions.saveSession({ ...session, title: 'Renamed' }, 'published')
      expect(await due(at('2026-03-15T00:00:00.000Z'))).toEqual([])

      await sessions.saveSession({ ...session, parts: [partAt('2026-03-17T16:00:00.000Z')] }, 'published')
      expect(await due(at('2026-03-15T16:00:00.000Z'))).toEqual([
        { part: 0, leadMinutes: 2880, at: '2026-03-15T16:00:00.000Z' },
      ])
    })

    it('leaves a reminder due when the one cleared was read before its part moved', async () => {
      const { sessions, reminders, session, due } = await stored({
        parts: [partAt('2026-03-16T16:00:00.000Z')],
      })
      const [read] = (await reminders.dueReminders(at('2026-03-14T16:00:00.000Z'))).filter(
        (r) => r.sessionId === session.id,
      )
      if (!read) throw new Error('the 2-day reminder is due')
      await sessions.saveSession({ ...session, parts: [partAt('2026-03-16T15:00:00.000Z')] }, 'published')
      await reminders.clearReminder(read, at(read.at))
      expect(await due(at('2026-03-14T16:00:00.000Z'))).toEqual([
        { part: 0, leadMinutes: 2880, at: '2026-03-14T15:00:00.000Z' },
      ])
    })

    it.each([
      [[7 * 24 * 60], [{ part: 0, leadMinutes: 10080, at: '2026-03-09T16:00:00.000Z' }]],
      [[], []],
    ])('uses the leads a session sets (%j) instead of the defaults', async (leads, expected) => {
      const { due } = await stored({
        parts: [partAt('2026-03-16T16:00:00.000Z')],
        reminderLeadsMinutes: leads,
      })
      expect(await due(at('2026-03-16T15:59:00.000Z'))).toEqual(expected)
    })

    it('makes each part of a session with trainers due for their digest at 07:00 London the day before', async () => {
      const trainerIds = ['trainer-a', 'trainer-b']
      // Part 2 is on Monday 30 March, the day after the clocks go forward: 07:00 BST on Sunday is 06:00 UTC.
      const { dueDays, reminders, session } = await stored({
        trainerIds,
        parts: [partAt('2026-03-16T16:00:00.000Z'), partAt('2026-03-30T15:00:00.000Z')],
      })
      expect(await dueDays(at('2026-03-15T07:00:00.000Z', -1))).toEqual([])
      expect(await dueDays(at('2026-03-29T06:00:00.000Z'))).toEqual([
        { part: 0, date: '2026-03-16', at: '2026-03-15T07:00:00.000Z', trainerIds },
        { part: 1, date: '2026-03-30', at: '2026-03-29T06:00:00.000Z', trainerIds },
      ])
      expect(await reminders.trainerParts('trainer-b', '2026-03-30')).toContainEqual({
        sessionId: session.id,
        part: 1,
      })
      expect(
        (await reminders.trainerParts('trainer-c', '2026-03-30')).filter((p) => p.sessionId === session.id),
      ).toEqual([])
    })

    it('makes a cleared digest due again when the trainers change, and never for a session without trainers', async () => {
      const { dueDays, reminders, sessions, session } = await stored({
        trainerIds: ['trainer-a'],
        parts: [partAt('2026-03-16T16:00:00.000Z')],
      })
      const now = at('2026-03-15T07:00:00.000Z')
      const [entry] = (await reminders.dueDigestParts(now)).filter((e) => e.sessionId === session.id)
      if (!entry) throw new Error('the digest is due')
      await reminders.clearDigestPart(entry, now)
      await sessions.saveSession({ ...session, title: 'Renamed' }, 'published')
      expect(await dueDays(now)).toEqual([])

      await sessions.saveSession({ ...session, trainerIds: ['trainer-a', 'trainer-b'] }, 'published')
      expect((await dueDays(now)).map((e) => e.trainerIds)).toEqual([['trainer-a', 'trainer-b']])

      await sessions.saveSession({ ...session, trainerIds: [] }, 'published')
      expect(await dueDays(at(now.toISOString(), 30 * DAY))).toEqual([])
      expect(
        (await reminders.trainerParts('trainer-a', '2026-03-16')).filter((p) => p.sessionId === session.id),
      ).toEqual([])
    })

    it('moves the reminders of a part that moves across a change of the clocks to the same London time', async () => {
      // 4pm on Monday 30 March is 15:00 UTC (BST); two days before, Saturday 28 March, 4pm is 16:00 UTC (GMT).
      const { due } = await stored({ parts: [partAt('2026-03-30T15:00:00.000Z')] })
      expect(await due(at('2026-03-28T16:00:00.000Z', -MINUTE))).toEqual([])
      expect(await due(at('2026-03-30T13:00:00.000Z'))).toEqual([
        { part: 0, leadMinutes: 2880, at: '2026-03-28T16:00:00.000Z' },
        {
          part: 0,
          leadMinutes: 120,
          at: new Date(Date.parse('2026-03-30T15:00:00.000Z') - 2 * HOUR).toISOString(),
        },
      ])
    })
  })
}
