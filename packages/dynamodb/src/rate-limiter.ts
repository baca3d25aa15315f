import type { RateLimiter } from '@ey/domain'
import { ConditionalCheckFailedException, type DocumentClient, UpdateCommand } from './client/index.ts'
import { keys } from './keys.ts'

/** A minute after its window ends, TTL removes the count: it no longer matters then. */
const KEEP_SECONDS = 60

/**
 * Request counts per window, one item each (`RATE#<limit>#<fingerprint>#<window>`): a conditional
 * `ADD` counts a request only while the count is below the limit, so concurrent requests on every
 * instance never count past it, and no read comes first.
 */
export function createDynamoRateLimiter(table: { doc: DocumentClient; tableName: string }): RateLimiter {
  const { doc, tableName } = table
  return {
    async take(window) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.rateWindow(window.key),
            UpdateExpression: 'ADD #count :one SET #type = :type, expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': window.limit,
              ':type': 'rate-window',
              ':expires': Math.floor(window.endsAt.getTime() / 1000) + KEEP_SECONDS,
            },
          }),
        )
        return true
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false
        throw error
      }
    },

    async giveBack(window) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.rateWindow(window.key),
            UpdateExpression: 'ADD #count :minus',
            ConditionExpression: '#count > :zero',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        )
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error
      }
    },
  }
}
