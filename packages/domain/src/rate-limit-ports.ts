import type { RateWindow } from './rules/abuse-limits.ts'

/**
 * Counts of requests per window, kept in storage (not in memory) so a limit holds across every
 * instance of the API; a window's count is forgotten (TTL) once the window has ended.
 */
export interface RateLimiter {
  /**
   * Counts one request in the window unless it already holds `window.limit`, atomically, so
   * concurrent requests never count past the limit; false when the limit was reached.
   */
  take(window: RateWindow): Promise<boolean>
  /** Uncounts one request counted in the window (never below zero): it turned out not to count. */
  giveBack(window: RateWindow): Promise<void>
}
