import { QUESTIONNAIRE_WINDOW_DAYS, questionnaireDaysErrors, questionnaireWindows } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { DAY, makeBooking, makeSession } from '../support/factories.ts'

const BOOKED = '2026-03-02T09:00:00.000Z'
// Two parts: the windows take the first part's start and the last part's end.
const session = makeSession({
  parts: [
    { startsAt: '2026-03-16T16:00:00.000Z', endsAt: '2026-03-16T17:30:00.000Z' },
    { startsAt: '2026-03-23T16:00:00.000Z', endsAt: '2026-03-23T17:30:00.000Z' },
  ],
})
const END = new Date('2026-03-23T17:30:00.000Z')
const after = (ms: number) => new Date(END.getTime() + ms)

function statuses(status: 'confirmed' | 'attended' | 'cancelled' | 'no-show', now: Date, answered = []) {
  const booking = makeBooking({ createdAt: BOOKED, status })
  return Object.fromEntries(
    questionnaireWindows(booking, session, now, new Set(answered)).map((w) => [w.kind, w.status]),
  )
}

describe('questionnaireWindows', () => {
  it('opens pre at booking until the first part starts, post at the end for 14 days, follow-up after 6 weeks for 4', () => {
    const windows = questionnaireWindows(makeBooking({ createdAt: BOOKED }), session, new Date(BOOKED))
    expect(
      windows.map(({ kind, opensAt, closesAt }) => [kind, opensAt.toISOString(), closesAt.toISOString()]),
    ).toEqual([
      ['pre', BOOKED, '2026-03-16T16:00:00.000Z'],
      ['post', END.toISOString(), after(14 * DAY).toISOString()],
      ['follow-up', after(42 * DAY).toISOString(), after(70 * DAY).toISOString()],
    ])
  })

  it.each([
    ['at booking', new Date(BOOKED), 'confirmed', { pre: 'open', post: 'not-open', 'follow-up': 'not-open' }],
    [
      'at the start',
      new Date('2026-03-16T16:00:00.000Z'),
      'confirmed',
      { pre: 'closed', post: 'not-open', 'follow-up': 'not-open' },
    ],
    ['at the end, attended', END, 'attended', { pre: 'closed', post: 'open', 'follow-up': 'not-open' }],
    [
      'at the end, not yet marked',
      END,
      'confirmed',
      { pre: 'closed', post: 'not-open', 'follow-up': 'not-open' },
    ],
    ['at the end, a no-show', END, 'no-show', { pre: 'closed', post: 'closed', 'follow-up': 'not-open' }],
    [
      '14 days after',
      after(14 * DAY),
      'attended',
      { pre: 'closed', post: 'closed', 'follow-up': 'not-open' },
    ],
    ['6 weeks after', after(42 * DAY), 'attended', { pre: 'closed', post: 'closed', 'follow-up': 'open' }],
    ['10 weeks after', after(70 * DAY), 'attended', { pre: 'closed', post: 'closed', 'follow-up': 'closed' }],
  ] as const)('%s', (_, now, status, expected) => {
    expect(statuses(status, now)).toEqual(expected)
  })

  it('closes pre for a cancelled booking and says answered whatever the time', () => {
    expect(statuses('cancelled', new Date(BOOKED)).pre).toBe('closed')
    const booking = makeBooking({ createdAt: BOOKED, status: 'attended' })
    const windows = questionnaireWindows(
      booking,
      session,
      after(100 * DAY),
      new Set(['pre', 'post'] as const),
    )
    expect(windows.map((w) => w.status)).toEqual(['answered', 'answered', 'closed'])
  })

  it("takes a course's own days: post open 7 days, follow-up 90 days after for 14", () => {
    const booking = makeBooking({ createdAt: BOOKED, status: 'attended' })
    const days = { post: 7, followUpAfter: 90, followUpOpen: 14 }
    const [, post, followUp] = questionnaireWindows(booking, session, after(42 * DAY), new Set(), days)
    expect(post).toMatchObject({ status: 'closed', closesAt: after(7 * DAY) })
    expect(followUp).toMatchObject({
      status: 'not-open',
      opensAt: after(90 * DAY),
      closesAt: after(104 * DAY),
    })
  })
})

describe('questionnaireDaysErrors', () => {
  it('accepts the defaults and the bounds themselves', () => {
    expect(questionnaireDaysErrors(QUESTIONNAIRE_WINDOW_DAYS)).toEqual([])
    expect(questionnaireDaysErrors({ post: 1, followUpAfter: 7, followUpOpen: 1 })).toEqual([])
    expect(questionnaireDaysErrors({ post: 60, followUpAfter: 365, followUpOpen: 90 })).toEqual([])
  })

  it.each([
    [{ post: 0, followUpAfter: 42, followUpOpen: 28 }, 'questionnaireDays.post'],
    [{ post: 14, followUpAfter: 366, followUpOpen: 28 }, 'questionnaireDays.followUpAfter'],
    [{ post: 14, followUpAfter: 42, followUpOpen: 91 }, 'questionnaireDays.followUpOpen'],
    [{ post: 30, followUpAfter: 20, followUpOpen: 28 }, 'questionnaireDays.followUpAfter'],
  ])('names the field out of bounds: %o', (days, field) => {
    expect(questionnaireDaysErrors(days).map((e) => e.field)).toEqual([field])
  })
})
