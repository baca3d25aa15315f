import { MINUTE_MS } from '../config.ts'
import { DomainError } from '../errors.ts'

/**
 * How many wrong attendance codes a booking may type before code entry locks, within how long,
 * and for how long it then stays locked. A code has 6 digits and works for 15 minutes, so 5 tries
 * in 15 minutes leave a guesser about one chance in 200,000 per code shown.
 */
export const CODE_ATTEMPT_POLICY: CodeAttemptPolicy = {
  maxMisses: 5,
  windowMinutes: 15,
  lockMinutes: 15,
}

/** The limit on wrong attendance codes (see `CODE_ATTEMPT_POLICY`). */
export interface CodeAttemptPolicy {
  maxMisses: number
  windowMinutes: number
  lockMinutes: number
}

/** Wrong codes typed for one booking in the current window, and the lock they caused, if any. */
export interface CodeAttempts {
  misses: number
  /** When the current window of counting ends (ISO 8601). */
  windowEndsAt: string
  /** Set by the miss that reached the limit: code entry is refused until then (ISO 8601). */
  lockedUntil?: string
}

/** The counting after one more wrong code at `now`: a new window once the last one has ended. */
export function afterMiss(
  current: CodeAttempts | undefined,
  now: Date,
  policy: CodeAttemptPolicy,
): CodeAttempts {
  const open = current && now < new Date(current.windowEndsAt)
  const misses = open ? current.misses + 1 : 1
  const windowEndsAt = open
    ? current.windowEndsAt
    : new Date(now.getTime() + policy.windowMinutes * MINUTE_MS).toISOString()
  const locked = current && lockEnd(current, now)
  const lockedUntil =
    locked ??
    (misses >= policy.maxMisses ? new Date(now.getTime() + policy.lockMinutes * MINUTE_MS) : undefined)
  return { misses, windowEndsAt, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) }
}

/** When the lock ends, if code entry is locked at `now`. */
export function lockEnd(attempts: CodeAttempts | undefined, now: Date): Date | undefined {
  if (!attempts?.lockedUntil) return undefined
  const until = new Date(attempts.lockedUntil)
  return now < until ? until : undefined
}

/** Too many wrong codes: refused (429) until the lock ends, even with the right code. */
export class TooManyAttemptsError extends DomainError {
  readonly retryAfterSeconds: number
  constructor(lockedUntil: Date, now: Date) {
    const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000))
    super(
      'too-many-attempts',
      `Too many wrong codes. Try again in ${Math.ceil(seconds / 60)} minutes, or ask the trainer to mark you present.`,
    )
    this.name = 'TooManyAttemptsError'
    this.retryAfterSeconds = seconds
  }
}
