import {
  type BookingStatus,
  INVITATION_KINDS,
  type InvitationKind,
  invitationMessageId,
  invitationsDue,
  nextInvitationLook,
  preReminderAt,
  type QuestionnaireKind,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY, HOUR, MINUTE, makeBooking, makeSession } from '../support/factories.ts'

const BOOKED = '2026-03-02T09:00:00.000Z'
const session = makeSession({
  parts: [
    { startsAt: '2026-03-16T16:00:00.000Z', endsAt: '2026-03-16T17:30:00.000Z' },
    { startsAt: '2026-03-23T16:00:00.000Z', endsAt: '2026-03-23T17:30:00.000Z' },
  ],
})
const START = new Date('2026-03-16T16:00:00.000Z')
const END = new Date('2026-03-23T17:30:00.000Z')
const at = (base: Date | string, ms = 0) => new Date(new Date(base).getTime() + ms)

/** A booking's history with its place confirmed at `at`. */
const confirmedAt = (at: string) => [{ at, from: null, to: 'confirmed' as const, by: 'participant' }]

function due(
  status: BookingStatus,
  now: Date,
  {
    answered = [],
    sent = {},
  }: { answered?: QuestionnaireKind[]; sent?: Partial<Record<InvitationKind, Date>> } = {},
) {
  const booking = makeBooking({ createdAt: BOOKED, status, history: confirmedAt(BOOKED) })
  return invitationsDue(booking, session, now, {
    answered: new Set(answered),
    sent: new Map(Object.entries(sent) as [InvitationKind, Date][]),
  })
}

describe('invitationsDue', () => {
  it('invites a confirmed place to pre 10 minutes after booking, and nobody waiting, offered or cancelled', () => {
    expect(due('confirmed', at(BOOKED, 10 * MINUTE - 1))).toEqual([])
    expect(due('confirmed', at(BOOKED, 10 * MINUTE))).toEqual(['pre'])
    for (const status of ['waiting', 'offered', 'cancelled', 'late-cancelled', 'declined'] as const) {
      expect(due(status, at(BOOKED, HOUR))).toEqual([])
    }
  })

  it('invites a person promoted from the waiting list 10 minutes after the promotion', () => {
    const promoted = at(START, -5 * DAY)
    const booking = makeBooking({
      createdAt: BOOKED,
      status: 'confirmed',
      history: [
        { at: BOOKED, from: null, to: 'waiting', by: 'participant' },
        { at: promoted.toISOString(), from: 'waiting', to: 'confirmed', by: 'system' },
      ],
    })
    const none = { answered: new Set<QuestionnaireKind>(), sent: new Map() }
    expect(invitationsDue(booking, session, at(promoted.toISOString(), 9 * MINUTE), none)).toEqual([])
    expect(invitationsDue(booking, session, at(promoted.toISOString(), 10 * MINUTE), none)).toEqual(['pre'])
  })

  it('reminds of pre from 2 days before the first part, at its London time, only while unanswered', () => {
    const sent = { pre: new Date(BOOKED) }
    expect(preReminderAt(session).toISOString()).toBe('2026-03-14T16:00:00.000Z')
    expect(due('confirmed', at(START, -2 * DAY - MINUTE), { sent })).toEqual([])
    expect(due('confirmed', at(START, -2 * DAY), { sent })).toEqual(['pre-reminder'])
    expect(due('confirmed', at(START, -2 * DAY), { sent, answered: ['pre'] })).toEqual([])
    expect(
      due('confirmed', at(START, -HOUR), { sent: { ...sent, 'pre-reminder': at(START, -2 * DAY) } }),
    ).toEqual([])
    expect(due('confirmed', START, { sent })).toEqual([])
  })

  it('sends no reminder to someone whose pre invitation went after the reminder time', () => {
    expect(due('confirmed', at(START, -DAY))).toEqual(['pre'])
    expect(due('confirmed', at(START, -DAY + 5 * MINUTE), { sent: { pre: at(START, -DAY) } })).toEqual([])
  })

  it('invites an attended booking to post from the last part’s end for 14 days, and to follow-up in its window', () => {
    expect(due('attended', at(END, -MINUTE))).toEqual([])
    expect(due('attended', END)).toEqual(['post'])
    expect(due('confirmed', END)).toEqual([])
    expect(due('no-show', END)).toEqual([])
    expect(due('attended', at(END, 14 * DAY))).toEqual([])
    expect(due('attended', at(END, 42 * DAY), { sent: { post: END } })).toEqual(['follow-up'])
    expect(due('attended', at(END, 42 * DAY), { answered: ['post', 'follow-up'] })).toEqual([])
    expect(due('attended', at(END, 70 * DAY))).toEqual([])
  })
})

describe('nextInvitationLook', () => {
  it.each([
    ['at each run before the start', at(START, -DAY), at(START, -DAY)],
    ['at the end while the parts run', START, END],
    ['hourly while post is open', at(END, DAY), at(END, DAY + HOUR)],
    ['when follow-up opens, once post has closed', at(END, 14 * DAY - 30 * MINUTE), at(END, 42 * DAY)],
    ['daily while follow-up is open', at(END, 50 * DAY), at(END, 51 * DAY)],
  ])('looks %s', (_, now, next) => {
    expect(nextInvitationLook(session, now)?.toISOString()).toBe(next.toISOString())
  })

  it('looks no more once follow-up has closed', () => {
    expect(nextInvitationLook(session, at(END, 70 * DAY - HOUR))).toBeUndefined()
    expect(nextInvitationLook(session, at(END, 70 * DAY))).toBeUndefined()
  })
})

describe('invitationMessageId', () => {
  it('is the same for the same booking and kind, and differs between kinds', () => {
    const ids = INVITATION_KINDS.map((kind) => invitationMessageId('bk-1', kind))
    expect(ids).toEqual([
      'questionnaire-pre-bk-1',
      'questionnaire-pre-reminder-bk-1',
      'questionnaire-post-bk-1',
      'questionnaire-follow-up-bk-1',
    ])
  })
})

/** The window each invitation may go in, from the defaults written out by hand. */
function inWindow(kind: InvitationKind, now: number, booked: number, start: number, end: number): boolean {
  switch (kind) {
    case 'pre':
    case 'pre-reminder':
      return now >= booked && now < start
    case 'post':
      return now >= end && now < end + 14 * DAY
    case 'follow-up':
      return now >= end + 42 * DAY && now < end + 70 * DAY
  }
}

const QUESTIONNAIRE: Record<InvitationKind, QuestionnaireKind> = {
  pre: 'pre',
  'pre-reminder': 'pre',
  post: 'post',
  'follow-up': 'follow-up',
}

/** A run of the job, a change of status, or an answer, each at a time of the booking's life. */
const event = fc.oneof(
  fc.record({ type: fc.constant('run' as const) }),
  fc.record({
    type: fc.constant('status' as const),
    to: fc.constantFrom<BookingStatus>('confirmed', 'attended', 'no-show', 'cancelled', 'late-cancelled'),
  }),
  fc.record({
    type: fc.constant('answer' as const),
    kind: fc.constantFrom<QuestionnaireKind>('pre', 'post', 'follow-up'),
  }),
)

describe('invitations over a booking’s life (fast-check)', () => {
  it('never go outside their window, never twice, never after answering, never to a cancelled booking', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 * 24 * 30 }),
        fc.integer({ min: 30, max: 60 * 24 * 21 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 90 * 24 * 60 }), event), { maxLength: 40 }),
        (bookedMinutesBefore, spanMinutes, events) => {
          const start = START.getTime()
          const end = start + spanMinutes * MINUTE
          const booked = start - bookedMinutesBefore * MINUTE
          const s = makeSession({
            parts: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(end).toISOString() }],
          })
          let status: BookingStatus = 'confirmed'
          const answered = new Set<QuestionnaireKind>()
          const sent = new Map<InvitationKind, Date>()
          const ordered = [...events].sort((a, b) => a[0] - b[0])
          for (const [offset, happening] of ordered) {
            const now = booked + offset * MINUTE
            if (happening.type === 'status') status = happening.to
            else if (happening.type === 'answer') answered.add(happening.kind)
            else {
              const bookedAt = new Date(booked).toISOString()
              const booking = makeBooking({ createdAt: bookedAt, status, history: confirmedAt(bookedAt) })
              for (const kind of invitationsDue(booking, s, new Date(now), { answered, sent })) {
                expect(sent.has(kind)).toBe(false)
                expect(answered.has(QUESTIONNAIRE[kind])).toBe(false)
                expect(inWindow(kind, now, booked, start, end)).toBe(true)
                expect(['confirmed', 'attended']).toContain(status)
                sent.set(kind, new Date(now))
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('look at every window while it is open: a look never jumps past an opening', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30 * 24 * 60, max: 80 * 24 * 60 }), (minutesFromStart) => {
        const now = at(START, minutesFromStart * MINUTE)
        const next = nextInvitationLook(session, now)
        for (const opening of [END, at(END, 42 * DAY)]) {
          if (now < opening) expect(next && next <= opening).toBe(true)
        }
        if (next) expect(next >= now).toBe(true)
      }),
    )
  })
})
