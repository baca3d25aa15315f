import type { Booking, TakeUpStats } from '@ey/domain'
import { expectedCounts, expectedReach } from './take-up-expected.ts'

/**
 * The take-up aggregates in memory: recomputed by the rules from the bookings at every read, so
 * they are what the DynamoDB aggregates must equal (`test/dynamodb/take-up-stats.test.ts` holds the
 * adapter to them) and a fake for tests of what reads them.
 */
export function createInMemoryTakeUpStats(bookings: () => Iterable<Booking>): TakeUpStats {
  return {
    counts: async (period) => expectedCounts([...bookings()], period),
    reach: async (startYear) => expectedReach([...bookings()], startYear),
  }
}
