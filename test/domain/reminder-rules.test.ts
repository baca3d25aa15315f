import {
  DEFAULT_REMINDER_LEADS_MINUTES,
  digestTimes,
  parseReminderLeads,
  reminderAt,
  reminderLeadsOf,
  reminderTimes,
  scheduleSession,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makeSession, makeSessionInput, partAt } from '../support/factories.ts'
import { makeAdminDeps } from '../support/session-admin.ts'

describe('reminderAt', () => {
  it.each([
    // Whole days keep the part's London wall-clock time, across the change of the clocks too.
    ['2026-03-30T15:00:00.000Z', 2880, '2026-03-28T16:00:00.000Z'],
    ['2026-10-26T16:00:00.000Z', 2880, '2026-10-24T15:00:00.000Z'],
    ['2026-10-26T16:00:00.000Z', 7 * 1440, '2026-10-19T15:00:00.000Z'],
    // Minutes are minutes: 2 hours before 4pm BST on a Monday.
    ['2026-03-30T15:00:00.000Z', 120, '2026-03-30T13:00:00.000Z'],
    // A day and 2 hours: the day in London's calendar, then 2 hours before that.
    ['2026-03-30T15:00:00.000Z', 1560, '2026-03-29T13:00:00.000Z'],
  ])('puts a reminder of a part at %s, %i minutes before, at %s', (startsAt, lead, expected) => {
    expect(reminderAt(startsAt, lead).toISOString()).toBe(expected)
  })
})

describe('reminderLeadsOf', () => {
  it('uses 2 days and 2 hours unless the session sets its own, longest first', () => {
    expect(reminderLeadsOf({})).toEqual([2880, 120])
    expect(DEFAULT_REMINDER_LEADS_MINUTES).toEqual([2880, 120])
    expect(reminderLeadsOf({ reminderLeadsMinutes: [120, 10080, 120] })).toEqual([10080, 120])
    expect(reminderLeadsOf({ reminderLeadsMinutes: [] })).toEqual([])
  })

  it("gives a session without leads of its own the deployment's defaults, and one with its own keeps them", () => {
    const monday = [partAt('2026-03-16T16:00:00.000Z')]
    const leadsOf = (session: Parameters<typeof reminderTimes>[0], defaults: number[]) =>
      reminderTimes(session, defaults).map(({ leadMinutes, at }) => ({ leadMinutes, at }))
    expect(leadsOf(makeSession({ parts: monday }), [30, 1440])).toEqual([
      { leadMinutes: 1440, at: '2026-03-15T16:00:00.000Z' },
      { leadMinutes: 30, at: '2026-03-16T15:30:00.000Z' },
    ])
    expect(leadsOf(makeSession({ parts: monday }), [])).toEqual([])
    expect(leadsOf(makeSession({ parts: monday, reminderLeadsMinutes: [120] }), [30, 1440])).toEqual([
      { leadMinutes: 120, at: '2026-03-16T14:00:00.000Z' },
    ])
    expect(leadsOf(makeSession({ parts: monday, reminderLeadsMinutes: [] }), [30])).toEqual([])
  })
})

describe('parseReminderLeads', () => {
  it('reads whole minutes separated by commas, longest first without repeats; empty is none', () => {
    expect(parseReminderLeads('2880,120')).toEqual([2880, 120])
    expect(parseReminderLeads(' 60 , 10080,60 ')).toEqual([10080, 60])
    expect(parseReminderLeads('')).toEqual([])
    expect(parseReminderLeads('15,20160')).toEqual([20160, 15])
  })

  it.each([['2880;120'], ['2 days'], ['120,'], ['90.5'], ['-120'], ['14'], ['20161'], ['15,30,60,120,240']])(
    'refuses %j',
    (text) => {
      expect(parseReminderLeads(text)).toBeUndefined()
    },
  )
})

describe('reminderTimes and digestTimes', () => {
  it('give nothing for a draft or cancelled session, and no digest without trainers', () => {
    for (const status of ['draft', 'cancelled'] as const) {
      expect(reminderTimes(makeSession({ status, trainerIds: ['t'] }))).toEqual([])
      expect(digestTimes(makeSession({ status, trainerIds: ['t'] }))).toEqual([])
    }
    expect(digestTimes(makeSession({ trainerIds: [] }))).toEqual([])
  })

  it('date a part after midnight by London, not UTC', () => {
    // 00:30 BST on Friday 1 May is 23:30 UTC on Thursday 30 April.
    const session = makeSession({ parts: [partAt('2026-04-30T23:30:00.000Z')], trainerIds: ['t'] })
    expect(digestTimes(session)).toEqual([
      {
        part: 0,
        date: '2026-05-01',
        startsAt: '2026-04-30T23:30:00.000Z',
        trainerIds: ['t'],
        at: '2026-04-30T06:00:00.000Z',
      },
    ])
  })
})

describe('scheduling with reminders', () => {
  it('keeps the leads an administrator chose, longest first, and none when none is given', async () => {
    const deps = makeAdminDeps()
    const chosen = await scheduleSession(deps, makeSessionInput({ reminderLeadsMinutes: [120, 1440, 120] }))
    expect(chosen.reminderLeadsMinutes).toEqual([1440, 120])
    const defaults = await scheduleSession(deps, makeSessionInput())
    expect(defaults).not.toHaveProperty('reminderLeadsMinutes')
    const none = await scheduleSession(deps, makeSessionInput({ reminderLeadsMinutes: [] }))
    expect(none.reminderLeadsMinutes).toEqual([])
  })
})
