import {
  type Booking,
  type BookingStatus,
  canTransition,
  INVITATION_KINDS,
  type InvitationKind,
  invitationMessageId,
  invitationsDue,
  nextInvitationLook,
  PLACE_LOOK_KINDS,
  placeLookAt,
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
    ['when the pre reminder falls due, before it', at(START, -10 * DAY), preReminderAt(session)],
    ['at the end, once the pre reminder has fallen due', at(START, -DAY), END],
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

describe('placeLookAt', () => {
  const T = '2026-03-10T12:00:00.000Z'
  /** The booking after a change to `to` at T, having been `from` since BOOKED (first confirmed then, if ever). */
  const changed = (from: BookingStatus, to: BookingStatus, firstConfirmed = from !== 'waiting') => {
    const before = {
      createdAt: BOOKED,
      updatedAt: BOOKED,
      status: from,
      history: [{ at: BOOKED, from: null, to: firstConfirmed ? 'confirmed' : from, by: 'participant' }],
    } as Pick<Booking, 'createdAt' | 'updatedAt' | 'status' | 'history'>
    const after = {
      ...before,
      status: to,
      updatedAt: T,
      history: [...before.history, { at: T, from, to, by: 'x' }],
    }
    return placeLookAt(before, after)
  }

  it('looks 10 minutes after a place is confirmed at booking, and not for a place on the waiting list', () => {
    const booking = (status: BookingStatus) => ({
      createdAt: BOOKED,
      updatedAt: BOOKED,
      status,
      history: [{ at: BOOKED, from: null, to: status, by: 'participant' }],
    })
    expect(placeLookAt(undefined, booking('confirmed'))).toEqual(at(BOOKED, 10 * MINUTE))
    expect(placeLookAt(undefined, booking('waiting'))).toBeUndefined()
  })

  it.each([
    ['a promotion from the waiting list', 'waiting', 'confirmed', at(T, 10 * MINUTE)],
    ['an accepted offer', 'offered', 'confirmed', at(T, 10 * MINUTE)],
    [
      'a no-show mark undone, long after the place was confirmed (at once)',
      'no-show',
      'confirmed',
      new Date(T),
    ],
    ['an attended mark', 'confirmed', 'attended', undefined],
    ['an attended mark undone', 'attended', 'confirmed', undefined],
    ['a cancellation', 'confirmed', 'cancelled', undefined],
    ['an offer', 'waiting', 'offered', undefined],
  ] as const)('after %s, looks only when pre can fall due', (_, from, to, expected) => {
    expect(changed(from, to, from === 'no-show')).toEqual(expected)
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

/** One booking's life in the property below: made at `made` minutes, waiting or with a place. */
interface Life {
  made: number
  waits: boolean
}

const change = fc.oneof(
  fc.record({
    type: fc.constant('status' as const),
    to: fc.constantFrom<BookingStatus>(
      'confirmed',
      'offered',
      'attended',
      'no-show',
      'cancelled',
      'late-cancelled',
    ),
  }),
  fc.record({
    type: fc.constant('answer' as const),
    kind: fc.constantFrom<QuestionnaireKind>('pre', 'post', 'follow-up'),
  }),
)

/**
 * The sends of the job's runs at `runs` (minutes) over the bookings' lives, with the session's
 * looks as they were before place looks (due at every run until the first part starts) or as they
 * are now (`nextInvitationLook` from publication, and each place look `placeLookAt` writes, for the
 * pre kinds): each booking's invitations with the minute each went.
 */
function simulate(
  scheme: 'every run' | 'place looks',
  s: Parameters<typeof nextInvitationLook>[0],
  lives: readonly Life[],
  changes: readonly (readonly [number, number, typeof change extends fc.Arbitrary<infer C> ? C : never])[],
  runs: readonly number[],
): string[][] {
  const minute = (m: number) => new Date(START.getTime() + m * MINUTE)
  const t0 = minute(-40 * 24 * 60)
  type Kept = Pick<Booking, 'createdAt' | 'updatedAt' | 'status' | 'history'>
  const bookings: (Kept | undefined)[] = lives.map(() => undefined)
  const answered = lives.map(() => new Set<QuestionnaireKind>())
  const sent = lives.map(() => new Map<InvitationKind, Date>())
  const log: string[][] = lives.map(() => [])
  let own: Date | undefined = t0
  const places: Date[] = []
  const place = (before: Kept | undefined, after: Kept) => {
    const lookAt = placeLookAt(before, after)
    if (lookAt) places.push(lookAt)
  }
  const happenings = [
    ...lives.map((life, n) => ({ at: life.made, apply: () => create(n, life) })),
    ...changes.map(([at, n, c]) => ({ at, apply: () => applyChange(n, c, at) })),
  ].sort((a, b) => a.at - b.at)
  function create(n: number, life: Life) {
    const status: BookingStatus = life.waits ? 'waiting' : 'confirmed'
    const made = minute(life.made).toISOString()
    const booking = {
      createdAt: made,
      updatedAt: made,
      status,
      history: [{ at: made, from: null, to: status, by: 'p' }],
    }
    bookings[n] = booking
    place(undefined, booking)
  }
  function applyChange(
    n: number,
    c: { type: 'status'; to: BookingStatus } | { type: 'answer'; kind: QuestionnaireKind },
    at: number,
  ) {
    const before = bookings[n]
    if (!before) return
    if (c.type === 'answer') answered[n]?.add(c.kind)
    else if (canTransition(before.status, c.to)) {
      const when = minute(at).toISOString()
      const after = {
        ...before,
        status: c.to,
        updatedAt: when,
        history: [...before.history, { at: when, from: before.status, to: c.to, by: 'x' }],
      }
      bookings[n] = after
      place(before, after)
    }
  }
  let next = 0
  for (const run of [...runs].sort((a, b) => a - b)) {
    while (next < happenings.length && (happenings[next]?.at ?? 0) <= run) happenings[next++]?.apply()
    const now = minute(run)
    if (now < t0) continue
    const ownDue = own !== undefined && own <= now
    const placeDue = places.some((lookAt) => lookAt <= now)
    if (!ownDue && !placeDue) continue
    const kinds = ownDue ? INVITATION_KINDS : PLACE_LOOK_KINDS
    bookings.forEach((booking, n) => {
      if (!booking) return
      const history = { answered: answered[n] ?? new Set(), sent: sent[n] ?? new Map() }
      for (const kind of invitationsDue(booking, s, now, history).filter((k) => kinds.includes(k))) {
        sent[n]?.set(kind, now)
        log[n]?.push(`${kind} at ${run}`)
      }
    })
    if (ownDue) own = scheme === 'every run' && now < START ? now : nextInvitationLook(s, now)
    for (let i = places.length - 1; i >= 0; i--) if ((places[i] as Date) <= now) places.splice(i, 1)
  }
  return log
}

describe("the job's looks (fast-check)", () => {
  it('send every invitation at the same run as looking at every run until the first part starts did', () => {
    const day = 24 * 60
    const minutes = (max: number) => fc.integer({ min: 0, max })
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 3 * day }),
        fc.array(fc.record({ made: fc.integer({ min: -3 * day, max: 0 }), waits: fc.boolean() }), {
          minLength: 1,
          maxLength: 3,
        }),
        // Each change some minutes or days after the booking's previous one.
        fc.array(fc.tuple(fc.nat(2), fc.oneof(minutes(20), minutes(2 * day)), change), { maxLength: 12 }),
        // Runs anywhere, and a run soon after each booking and change (as the job runs every 5 minutes).
        fc.array(
          fc.oneof(
            fc.integer({ min: -3 * day, max: 4 * day }).map((m) => m - (m % 5)),
            fc.integer({ min: 40 * day, max: 75 * day }),
          ),
          { maxLength: 40 },
        ),
        fc.array(minutes(25), { minLength: 1, maxLength: 20 }),
        (spanMinutes, lives, steps, runs, soon) => {
          const s = makeSession({
            parts: [{ startsAt: START.toISOString(), endsAt: at(START, spanMinutes * MINUTE).toISOString() }],
          })
          const last = lives.map((life) => life.made)
          const changes = steps.map(([n, delay, c]) => {
            const booking = n % lives.length
            last[booking] = (last[booking] ?? 0) + delay
            return [last[booking] as number, booking, c] as const
          })
          const times = [...lives.map((life) => life.made), ...changes.map(([when]) => when)]
          const allRuns = [...runs, ...times.map((when, k) => when + (soon[k % soon.length] ?? 0))]
          expect(simulate('place looks', s, lives, changes, allRuns)).toEqual(
            simulate('every run', s, lives, changes, allRuns),
          )
        },
      ),
      {
        numRuns: 300,
        // Always tried: a no-show mark made before the pre invitation went, undone before the start.
        examples: [
          [
            30,
            [{ made: -14, waits: false }],
            [
              [0, 8, { type: 'status', to: 'no-show' }],
              [0, 3, { type: 'status', to: 'confirmed' }],
            ],
            [],
            [2],
          ],
        ],
      },
    )
  })
})
