import {
  BOOKING_STATUSES,
  type BookingStatus,
  canTransition,
  DomainError,
  holdsPlace,
  isLive,
  transitionEffects,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'

const ALLOWED: [BookingStatus, BookingStatus][] = [
  ['waiting', 'offered'],
  ['waiting', 'confirmed'],
  ['waiting', 'cancelled'],
  ['offered', 'confirmed'],
  ['offered', 'declined'],
  ['offered', 'expired'],
  ['offered', 'cancelled'],
  ['confirmed', 'cancelled'],
  ['confirmed', 'late-cancelled'],
  ['confirmed', 'attended'],
  ['confirmed', 'no-show'],
  ['attended', 'no-show'],
  ['attended', 'confirmed'],
  ['no-show', 'attended'],
  ['no-show', 'confirmed'],
]

const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`))
const REFUSED = BOOKING_STATUSES.flatMap((from) =>
  BOOKING_STATUSES.filter((to) => !allowed.has(`${from}>${to}`)).map((to) => [from, to] as const),
)

describe('the booking state machine', () => {
  it.each(ALLOWED)('lets a %s booking become %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true)
  })

  it('refuses every other change, staying put included', () => {
    expect(REFUSED).toHaveLength(BOOKING_STATUSES.length ** 2 - ALLOWED.length)
    expect(REFUSED).toContainEqual(['confirmed', 'confirmed'])
    for (const [from, to] of REFUSED) expect(canTransition(from, to), `${from} → ${to}`).toBe(false)
  })

  it.each([
    ['cancelled', 'confirmed'],
    ['declined', 'offered'],
    ['expired', 'confirmed'],
    ['late-cancelled', 'cancelled'],
    ['confirmed', 'waiting'],
    ['attended', 'cancelled'],
    ['waiting', 'declined'],
    ['waiting', 'attended'],
  ] as const)('answers invalid-transition for %s → %s', (from, to) => {
    expect(() => transitionEffects(from, to)).toThrow(
      expect.objectContaining({ code: 'invalid-transition', constructor: DomainError }),
    )
  })

  it('counts only offered, confirmed, attended and no-show bookings against capacity', () => {
    expect(BOOKING_STATUSES.filter(holdsPlace)).toEqual(['offered', 'confirmed', 'attended', 'no-show'])
  })

  it('treats declined, expired and both cancellations as ended, freeing the person to book again', () => {
    expect(BOOKING_STATUSES.filter((s) => !isLive(s))).toEqual([
      'declined',
      'expired',
      'cancelled',
      'late-cancelled',
    ])
  })
})

describe('transitionEffects', () => {
  it.each([
    ['waiting', 'offered', 1, -1, true, false],
    ['waiting', 'confirmed', 1, -1, true, false],
    ['waiting', 'cancelled', 0, -1, true, true],
    ['offered', 'confirmed', 0, 0, false, false],
    ['offered', 'declined', -1, 0, false, true],
    ['offered', 'expired', -1, 0, false, true],
    ['offered', 'cancelled', -1, 0, false, true],
    ['confirmed', 'cancelled', -1, 0, false, true],
    ['confirmed', 'late-cancelled', -1, 0, false, true],
    ['confirmed', 'attended', 0, 0, false, false],
    ['confirmed', 'no-show', 0, 0, false, false],
    ['attended', 'no-show', 0, 0, false, false],
    ['no-show', 'attended', 0, 0, false, false],
    ['attended', 'confirmed', 0, 0, false, false],
    ['no-show', 'confirmed', 0, 0, false, false],
  ] as const)(
    '%s → %s moves held by %i and waiting by %i (leaves queue: %s, releases person: %s)',
    (from, to, heldDelta, waitingDelta, leavesQueue, releasesPerson) => {
      expect(transitionEffects(from, to)).toEqual({ heldDelta, waitingDelta, leavesQueue, releasesPerson })
    },
  )
})
