import { type DynamoTakeUpStats, eachAtMost } from '@ey/dynamodb'
import type { Logger } from '@ey/runtime'
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { bookingIdOf } from './booking-record.ts'

/** What the stream handler needs: the aggregates' writer and a logger (never given personal data). */
export interface StatsHandlerDeps {
  takeUpStats: Pick<DynamoTakeUpStats, 'applyBookings'>
  logger: Pick<Logger, 'error'>
}

/** How the handler shares a batch out: bookings applied together, and groups under way at once. */
export interface StatsHandlerOptions {
  groupSize?: number
  concurrency?: number
}

/**
 * Bookings applied together: their transactions write the day, month and reach items they share
 * once, not once each. Measured with `pnpm bench:take-up`.
 */
export const STATS_GROUP_SIZE = 25
/** Groups applied at once: enough to overlap the round trips, few enough to rarely meet on a counter. */
export const STATS_CONCURRENCY = 2

/**
 * The stream handler that keeps the take-up aggregates: each booking of the batch is applied once,
 * as it is now (its records are many announcements of one state to reach, so their order and
 * repeats do not matter), in groups. A group that cannot be applied is tried again a booking at a
 * time, so that one booking that cannot be applied has only its own records reported in
 * `batchItemFailures`, and the stream delivers them again while the others go on.
 */
export function createStatsHandler(deps: StatsHandlerDeps, options: StatsHandlerOptions = {}) {
  const groupSize = options.groupSize ?? STATS_GROUP_SIZE
  const concurrency = options.concurrency ?? STATS_CONCURRENCY
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = new Map<string, string[]>()
    for (const record of event.Records) {
      const bookingId = bookingIdOf(record)
      if (bookingId === undefined) continue
      records.set(bookingId, [...(records.get(bookingId) ?? []), record.dynamodb?.SequenceNumber ?? ''])
    }
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = []
    const apply = async (bookingIds: string[]): Promise<boolean> => {
      try {
        await deps.takeUpStats.applyBookings(bookingIds)
        return true
      } catch (error) {
        if (bookingIds.length > 1) return false
        deps.logger.error('Take-up aggregates: a booking could not be applied; its records are retried', {
          bookingId: bookingIds[0],
          error: error instanceof Error ? error.name : 'UnknownError',
        })
        for (const itemIdentifier of records.get(bookingIds[0] ?? '') ?? []) {
          batchItemFailures.push({ itemIdentifier })
        }
        return true
      }
    }
    const ids = [...records.keys()]
    const groups = Array.from({ length: Math.ceil(ids.length / groupSize) }, (_, i) =>
      ids.slice(i * groupSize, (i + 1) * groupSize),
    )
    await eachAtMost(groups, concurrency, async (group) => {
      if (await apply(group)) return
      for (const bookingId of group) await apply([bookingId])
    })
    return { batchItemFailures }
  }
}
