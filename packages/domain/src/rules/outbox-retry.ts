import { MINUTE_MS } from '../config.ts'

/**
 * How long a new outbox item is left to the table's stream before the sweeper may send it. The
 * stream normally delivers within a second, and its own retries of a batch that failed come within
 * seconds; two minutes is far past both, so the sweeper seldom races the stream (a race is harmless:
 * the claim lets one sender through), yet an item the stream never delivered goes out at the first
 * sweep after it.
 */
export const OUTBOX_STREAM_GRACE_MS = 2 * MINUTE_MS

/**
 * Failed attempts (sends that failed, and claims whose sender died) after which an email is parked
 * as `failed` for administrators, instead of being tried again. With the backoff below, the last
 * attempt comes between about one and a half and three hours after the first failure: long enough to
 * outlast an SES throttle or a short outage, short enough that a person hears of it the same day.
 */
export const OUTBOX_MAX_ATTEMPTS = 8

const FIRST_RETRY_MS = 2 * MINUTE_MS
const LONGEST_RETRY_MS = 60 * MINUTE_MS

/**
 * When an email that has failed `attempts` times is tried again, or undefined once it has had its
 * last attempt. The wait doubles from 2 minutes up to an hour; `jitter` (in [0, 1), from a random
 * source) places it between half and all of that ("equal jitter"), so emails that failed together,
 * as under throttling, do not all come back at once.
 */
export function nextOutboxAttempt(attempts: number, failedAt: Date, jitter: number): Date | undefined {
  if (attempts >= OUTBOX_MAX_ATTEMPTS) return undefined
  const half = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS) / 2
  // Whole milliseconds, and never the full ceiling however close to 1 the jitter rounds.
  const spread = Math.min(Math.floor(jitter * half), half - 1)
  return new Date(failedAt.getTime() + half + spread)
}
