import type { Logger } from '@aws-lambda-powertools/logger'
import type { DynamoTakeUpStats } from '@ey/dynamodb'
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { bookingIdOf } from './booking-record.ts'

/** What the stream handler needs: the aggregates' writer and a logger (never given personal data). */
export interface StatsHandlerDeps {
  takeUpStats: Pick<DynamoTakeUpStats, 'applyBooking'>
  logger: Pick<Logger, 'error'>
}

/** Bookings applied at once: enough to overlap the round trips, few enough to rarely meet on a counter. */
const CONCURRENCY = 8

/**
 * The stream handler that keeps the take-up aggregates: each booking of the batch is applied once,
 * as it is now (its records are many announcements of one state to reach, so their order and
 * repeats do not matter, and several bookings are applied at once). A booking that could not be
 * applied has all its records reported in `batchItemFailures`, so the stream delivers them again
 * from the first while the others go on.
 */
export function createStatsHandler(deps: StatsHandlerDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const records = new Map<string, string[]>()
    for (const record of event.Records) {
      const bookingId = bookingIdOf(record)
      if (bookingId === undefined) continue
      records.set(bookingId, [...(records.get(bookingId) ?? []), record.dynamodb?.SequenceNumber ?? ''])
    }
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = []
    const queue = [...records]
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [bookingId, sequenceNumbers] = next
        try {
          await deps.takeUpStats.applyBooking(bookingId)
        } catch (error) {
          deps.logger.error('Take-up aggregates: a booking could not be applied; its records are retried', {
            bookingId,
            error: error instanceof Error ? error.name : 'UnknownError',
          })
          for (const itemIdentifier of sequenceNumbers) batchItemFailures.push({ itemIdentifier })
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    return { batchItemFailures }
  }
}
