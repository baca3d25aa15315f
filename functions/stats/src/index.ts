import { Logger } from '@ey/runtime'
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { statsClients, statsConfigFromEnv, wireStats } from './deps.ts'
import { createStatsHandler } from './handler.ts'

export { bookingIdOf } from './booking-record.ts'
export { type StatsConfig, statsClients, statsConfigFromEnv, wireStats } from './deps.ts'
export {
  createStatsHandler,
  STATS_CONCURRENCY,
  STATS_GROUP_SIZE,
  type StatsHandlerDeps,
  type StatsHandlerOptions,
} from './handler.ts'

const logger = new Logger({ serviceName: 'stats' })
let handle: ReturnType<typeof createStatsHandler> | undefined

/**
 * The Lambda entry, fed the table's stream (booking items only). Dependencies are built once per
 * container, on the first event rather than at import, so the local stack can import this package
 * without AWS settings.
 */
export const handler = async (
  event: DynamoDBStreamEvent,
  context: Context,
): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context)
  if (!handle) {
    const config = statsConfigFromEnv()
    handle = createStatsHandler(wireStats(config, statsClients(config), { logger }))
  }
  return handle(event)
}
