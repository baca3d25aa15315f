import { nextOutboxAttempt, OUTBOX_MAX_ATTEMPTS } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MINUTE, NOW } from '../support/factories.ts'

const waitAfter = (attempts: number, jitter: number) =>
  ((nextOutboxAttempt(attempts, NOW, jitter)?.getTime() ?? Number.NaN) - NOW.getTime()) / MINUTE

describe('nextOutboxAttempt', () => {
  it.each([
    [1, 1, 2],
    [2, 2, 4],
    [3, 4, 8],
    [4, 8, 16],
    [5, 16, 32],
    [6, 30, 60],
    [7, 30, 60],
  ])('after %i failed attempts waits between %i and %i minutes', (attempts, shortest, longest) => {
    expect(waitAfter(attempts, 0)).toBe(shortest)
    expect(waitAfter(attempts, 0.999_999)).toBeCloseTo(longest, 3)
  })

  it('gives up once the last attempt has failed', () => {
    expect(nextOutboxAttempt(OUTBOX_MAX_ATTEMPTS, NOW, 0.5)).toBeUndefined()
    expect(nextOutboxAttempt(OUTBOX_MAX_ATTEMPTS + 1, NOW, 0.5)).toBeUndefined()
  })

  it('never waits less than half or more than all of an hour-capped doubling, whatever the jitter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: OUTBOX_MAX_ATTEMPTS - 1 }),
        fc.oneof(
          fc.constant(0.9999999999999999),
          fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        ),
        (attempts, jitter) => {
          const ceiling = Math.min(2 * 2 ** (attempts - 1), 60)
          const wait = waitAfter(attempts, jitter)
          return wait >= ceiling / 2 && wait < ceiling
        },
      ),
    )
  })
})
