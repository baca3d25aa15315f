import {
  assertBookable,
  type BookingPolicy,
  bookingClosesAt,
  bookingWindow,
  cancellationStatus,
  DEFAULT_POLICY,
  isEligibleLa,
  isTwilight,
  offerExpiry,
  placementFor,
  placesLeft,
  promotionMode,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { DAY, HOUR, LEEDS, MINUTE, makeSession, WESTMINSTER } from '../support/factories.ts'

const START = new Date('2026-03-16T16:00:00.000Z')
const session = makeSession({ startsAt: START })
const before = (ms: number) => new Date(START.getTime() - ms)

describe('isTwilight', () => {
  it.each([
    ['a Monday at 15:30 in winter (GMT)', '2026-03-02T15:30:00Z', true],
    ['a Monday at 15:29 in winter', '2026-03-02T15:29:00Z', false],
    ['a Friday evening', '2026-03-06T18:00:00Z', true],
    ['a Monday at 15:30 in summer (14:30 UTC)', '2026-06-01T14:30:00Z', true],
    ['a Monday at 15:29 in summer (14:29 UTC)', '2026-06-01T14:29:00Z', false],
    ['15:00 UTC in winter, which is 15:00 in London', '2026-01-05T15:00:00Z', false],
    ['a Saturday at 16:00', '2026-03-07T16:00:00Z', false],
    ['a Sunday at 16:00', '2026-03-08T16:00:00Z', false],
    ['a Friday 23:30 UTC in summer, which is already Saturday in London', '2026-06-05T23:30:00Z', false],
  ])('%s: %s', (_, instant, twilight) => {
    expect(isTwilight(new Date(instant), DEFAULT_POLICY)).toBe(twilight)
  })

  it.each([
    ['16:59', false],
    ['17:00', true],
  ])('follows a programme that sets twilight from 17:00 (%s London)', (time, twilight) => {
    expect(isTwilight(new Date(`2026-03-03T${time}:00Z`), { twilightFrom: '17:00' })).toBe(twilight)
  })
})

describe('bookingClosesAt', () => {
  it('closes bookings the policy lead time before the start', () => {
    expect(bookingClosesAt(session, DEFAULT_POLICY)).toEqual(before(60 * MINUTE))
  })

  it("follows the session's own closing time when it has one", () => {
    const own = makeSession({ startsAt: START, bookingClosesAt: '2026-03-13T12:00:00.000Z' })
    expect(bookingClosesAt(own, DEFAULT_POLICY)).toEqual(new Date('2026-03-13T12:00:00.000Z'))
  })
})

describe('bookingWindow and assertBookable', () => {
  const opensLater = makeSession({ startsAt: START, bookingOpensAt: '2026-03-09T09:00:00.000Z' })

  it.each([
    ['open two weeks before', session, before(14 * DAY), 'open', undefined],
    ['open just before bookings close', session, before(61 * MINUTE), 'open', undefined],
    ['closed an hour before the start', session, before(60 * MINUTE), 'closed', 'booking-closed'],
    ['started at the start', session, START, 'started', 'session-started'],
    ['started after the start', session, new Date(START.getTime() + HOUR), 'started', 'session-started'],
    ['not yet open before its opening time', opensLater, before(8 * DAY), 'not-yet-open', 'booking-not-open'],
    ['open from its opening time', opensLater, new Date('2026-03-09T09:00:00Z'), 'open', undefined],
    ['cancelled', makeSession({ status: 'cancelled' }), before(DAY), 'cancelled', 'session-cancelled'],
    ['a draft', makeSession({ status: 'draft' }), before(DAY), 'draft', 'session-not-published'],
  ])('a session is %s', (_, s, now, window, error) => {
    expect(bookingWindow(s, now, DEFAULT_POLICY)).toBe(window)
    const attempt = () => assertBookable(s, LEEDS, now, DEFAULT_POLICY)
    if (error) expect(attempt).toThrow(expect.objectContaining({ code: error }))
    else expect(attempt).not.toThrow()
  })

  it('refuses a person from another LA on a bespoke session, naming the field', () => {
    const bespoke = makeSession({ startsAt: START, bespokeLaCodes: [WESTMINSTER] })
    expect(() => assertBookable(bespoke, LEEDS, before(DAY), DEFAULT_POLICY)).toThrow(
      expect.objectContaining({
        code: 'bespoke-session',
        fieldErrors: [expect.objectContaining({ field: 'laCode' })],
      }),
    )
    expect(() => assertBookable(bespoke, WESTMINSTER, before(DAY), DEFAULT_POLICY)).not.toThrow()
  })

  it.each([
    [[], LEEDS, true],
    [[LEEDS], LEEDS, true],
    [[WESTMINSTER, LEEDS], LEEDS, true],
    [[WESTMINSTER], LEEDS, false],
  ])('with bespoke LAs %j a person from %s is eligible: %s', (bespokeLaCodes, laCode, eligible) => {
    expect(isEligibleLa({ bespokeLaCodes }, laCode)).toBe(eligible)
  })
})

describe('filling places', () => {
  it.each([
    [5, 4, 0, 'confirm'],
    [5, 5, 0, 'wait'],
    [5, 4, 1, 'wait'],
    [5, 6, 0, 'wait'],
  ] as const)(
    'with capacity %i, %i held and %i waiting, a new booking should %s',
    (capacity, heldCount, waitingCount, placement) => {
      expect(placementFor({ capacity, heldCount, waitingCount })).toBe(placement)
    },
  )

  it('never reports fewer than zero places left, even over capacity', () => {
    expect(placesLeft({ capacity: 3, heldCount: 1 })).toBe(2)
    expect(placesLeft({ capacity: 3, heldCount: 4 })).toBe(0)
  })
})

describe('promotionMode', () => {
  it.each([
    ['two weeks before', before(14 * DAY), 'confirm'],
    ['just over a day before', before(DAY + MINUTE), 'confirm'],
    ['exactly a day before', before(DAY), 'offer'],
    ['a minute before', before(MINUTE), 'offer'],
    ['at the start', START, 'none'],
    ['after the start', new Date(START.getTime() + MINUTE), 'none'],
  ])('gives a freed place %s by: %s', (_, now, mode) => {
    expect(promotionMode(session, now, DEFAULT_POLICY)).toBe(mode)
  })

  it.each(['draft', 'cancelled'] as const)('promotes nobody on a %s session', (status) => {
    expect(promotionMode(makeSession({ startsAt: START, status }), before(14 * DAY), DEFAULT_POLICY)).toBe(
      'none',
    )
  })

  it('follows a policy that stops automatic promotion two days before', () => {
    const policy: BookingPolicy = { ...DEFAULT_POLICY, autoPromotionStopsBeforeMinutes: 2 * 24 * 60 }
    expect(promotionMode(session, before(36 * HOUR), policy)).toBe('offer')
  })
})

describe('offerExpiry', () => {
  it('holds an offer for the policy hold time', () => {
    expect(offerExpiry(session, before(DAY), DEFAULT_POLICY)).toEqual(before(DAY - 4 * HOUR))
  })

  it('never holds an offer past the start', () => {
    expect(offerExpiry(session, before(HOUR), DEFAULT_POLICY)).toEqual(START)
  })
})

describe('cancellationStatus', () => {
  it.each([
    ['a week before', before(7 * DAY), 'cancelled'],
    ['just before bookings close', before(61 * MINUTE), 'cancelled'],
    ['once bookings have closed', before(60 * MINUTE), 'late-cancelled'],
    ['a minute before the start', before(MINUTE), 'late-cancelled'],
  ])('records a cancellation %s as %s', (_, now, status) => {
    expect(cancellationStatus(session, now, DEFAULT_POLICY)).toBe(status)
  })

  it('refuses to cancel once the session has started', () => {
    expect(() => cancellationStatus(session, START, DEFAULT_POLICY)).toThrow(
      expect.objectContaining({ code: 'cancellation-closed' }),
    )
  })
})
