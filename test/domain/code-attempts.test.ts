import { afterMiss, CODE_ATTEMPT_POLICY, lockEnd, TooManyAttemptsError } from '@ey/domain'
import { describe, expect, it } from 'vitest'

const MINUTE = 60_000
const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, 0) + minutes * MINUTE)

/** The count after a wrong code at each of `minutes`. */
function missesAt(...minutes: number[]) {
  return minutes.reduce(
    (count, minute) => afterMiss(count, at(minute), CODE_ATTEMPT_POLICY),
    undefined as ReturnType<typeof afterMiss> | undefined,
  )
}

describe('the lock on wrong attendance codes', () => {
  it('locks on the fifth wrong code within the window, for 15 minutes from it', () => {
    const four = missesAt(0, 1, 2, 3)
    expect(lockEnd(four, at(3))).toBeUndefined()
    const five = afterMiss(four, at(4), CODE_ATTEMPT_POLICY)
    expect(lockEnd(five, at(4))).toEqual(at(19))
    expect(lockEnd(five, at(18.9))).toEqual(at(19))
    expect(lockEnd(five, at(19))).toBeUndefined()
  })

  it('counts afresh once the window has ended without a lock', () => {
    const counted = missesAt(0, 1, 2, 3, 15)
    expect(counted).toMatchObject({ misses: 1 })
    expect(lockEnd(counted, at(15))).toBeUndefined()
  })

  it('keeps the lock it has when more wrong codes come during it', () => {
    const locked = missesAt(0, 1, 2, 3, 4)
    expect(lockEnd(afterMiss(locked, at(10), CODE_ATTEMPT_POLICY), at(10))).toEqual(at(19))
  })

  it('tells the caller when to come back, in whole seconds', () => {
    const error = new TooManyAttemptsError(at(15), at(5))
    expect(error).toMatchObject({ code: 'too-many-attempts', retryAfterSeconds: 600 })
  })
})
