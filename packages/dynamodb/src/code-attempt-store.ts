import type { CodeAttemptStore } from '@ey/domain'
import {
  ConditionalCheckFailedException,
  type DocumentClient,
  GetCommand,
  PutCommand,
} from './client/index.ts'
import { keys } from './keys.ts'

/** A day after the window or lock ends, TTL removes the count: it no longer matters then. */
const KEEP_SECONDS = 86_400

/**
 * Wrong attendance codes per booking, one item beside the booking (`BOOKING#<id>` /
 * `CODE_ATTEMPTS`), written conditionally on the count it replaces so concurrent tries all count.
 */
export function createDynamoCodeAttemptStore(table: {
  doc: DocumentClient
  tableName: string
}): CodeAttemptStore {
  const { doc, tableName } = table
  return {
    async get(bookingId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.codeAttempts(bookingId), ConsistentRead: true }),
      )
      if (!Item) return undefined
      return {
        misses: Number(Item.misses),
        windowEndsAt: String(Item.windowEndsAt),
        ...(typeof Item.lockedUntil === 'string' ? { lockedUntil: Item.lockedUntil } : {}),
      }
    },

    async save(bookingId, next, current) {
      const ends = Math.max(Date.parse(next.windowEndsAt), Date.parse(next.lockedUntil ?? next.windowEndsAt))
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.codeAttempts(bookingId),
              type: 'code-attempts',
              ...next,
              expiresAt: Math.floor(ends / 1000) + KEEP_SECONDS,
            },
            ...(current
              ? {
                  ConditionExpression: 'misses = :misses AND windowEndsAt = :windowEndsAt',
                  ExpressionAttributeValues: {
                    ':misses': current.misses,
                    ':windowEndsAt': current.windowEndsAt,
                  },
                }
              : { ConditionExpression: 'attribute_not_exists(pk)' }),
          }),
        )
        return true
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false
        throw error
      }
    },
  }
}
