import type { RateLimiter, RateWindow } from '@ey/domain'

/** The rate limiter in memory, counting as the DynamoDB adapter does; `counts` shows every window. */
export function inMemoryRateLimiter(): RateLimiter & { counts: Map<string, number> } {
  const counts = new Map<string, number>()
  return {
    counts,
    async take(window: RateWindow) {
      const count = counts.get(window.key) ?? 0
      if (count >= window.limit) return false
      counts.set(window.key, count + 1)
      return true
    },
    async giveBack(window: RateWindow) {
      const count = counts.get(window.key) ?? 0
      if (count > 0) counts.set(window.key, count - 1)
    },
  }
}
