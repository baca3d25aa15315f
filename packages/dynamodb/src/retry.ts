/** How hard a write retries when DynamoDB reports a transaction conflict. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxAttempts: number
  /** Base of the exponential backoff; each wait is a random fraction of base × 2^attempt (full jitter). */
  baseDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 25 }

/** Thrown by an attempt that may succeed if tried again. */
export class RetryableConflict extends Error {
  constructor(cause: unknown) {
    super('Transaction conflict', { cause })
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
      if (n + 1 < policy.maxAttempts) await sleep(Math.random() * policy.baseDelayMs * 2 ** n)
    }
  }
  return undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
