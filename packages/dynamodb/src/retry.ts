import { ServiceBusyError } from '@ey/domain'

/** How hard a call retries what DynamoDB asks to try again: a transaction conflict, unprocessed keys. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxAttempts: number
  /** Base of the exponential backoff; each wait is a random fraction of base × 2^attempt (full jitter). */
  baseDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 25 }

/**
 * Thrown by an attempt that may succeed if tried again (a transaction conflict, or DynamoDB
 * throttling). A service-busy error, so where no retry loop catches it the caller is asked to
 * retry (503 with Retry-After) rather than told something broke.
 */
export class RetryableConflict extends ServiceBusyError {
  constructor(cause: unknown) {
    super(1, cause)
    this.name = 'RetryableConflict'
  }
}

/**
 * Runs `attempt` until it succeeds, waiting a jittered backoff after each `RetryableConflict`.
 * Returns undefined when every attempt conflicted.
 */
export async function withConflictRetry<T>(
  policy: RetryPolicy,
  attempt: () => Promise<T>,
): Promise<T | undefined> {
  for (let n = 0; n < policy.maxAttempts; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof RetryableConflict)) throw error
      if (n + 1 < policy.maxAttempts) await backoff(policy, n)
    }
  }
  return undefined
}

/** Waits before the retry that follows attempt `n` (0 for the first): full jitter over an exponential bound. */
export function backoff(policy: RetryPolicy, n: number): Promise<void> {
  const ms = Math.random() * policy.baseDelayMs * 2 ** n
  return new Promise((resolve) => setTimeout(resolve, ms))
}
