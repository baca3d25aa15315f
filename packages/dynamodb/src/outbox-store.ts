import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import {
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { type OutboxClaim, type OutboxStore, RepositoryError } from '@ey/domain'
import { OUTBOX_RETENTION_DAYS, outboxItem, ttlAfterDays } from './items.ts'
import { keys } from './keys.ts'

export interface OutboxStoreOptions {
  doc: DynamoDBDocumentClient
  tableName: string
  /** A claim older than this is taken to belong to a sender that died; defaults to 5 minutes. */
  staleClaimMs?: number
}

const FIVE_MINUTES_MS = 5 * 60_000

/**
 * Outbox items: queued once by id, then their delivery state: pending → sending → sent | skipped,
 * or back to pending after a failure. Every step is one conditional write, so two senders never
 * both own an item.
 */
export function createOutboxStore(options: OutboxStoreOptions): OutboxStore {
  const { doc, tableName } = options
  const staleClaimMs = options.staleClaimMs ?? FIVE_MINUTES_MS

  /** Updates an item that still exists; one removed by TTL meanwhile is left alone, not recreated. */
  async function updateIfPresent(id: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>) {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.outbox(id),
          ConditionExpression: 'attribute_exists(pk)',
          ...update,
        }),
      )
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return
      throw new RepositoryError('Outbox update failed', error)
    }
  }

  return {
    async enqueue(message) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: outboxItem.to(message),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        return true
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false
        throw new RepositoryError('Outbox enqueue failed', error)
      }
    },

    async claim(id, now): Promise<OutboxClaim> {
      try {
        const result = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.outbox(id),
            UpdateExpression: 'SET #status = :sending, claimedAt = :now',
            ConditionExpression:
              'attribute_exists(pk) AND (#status = :pending OR (#status = :sending AND claimedAt < :stale))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':sending': 'sending',
              ':now': now.toISOString(),
              ':stale': new Date(now.getTime() - staleClaimMs).toISOString(),
            },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        )
        return { outcome: 'claimed', attempts: Number(result.Attributes?.attempts ?? 0) }
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException))
          throw new RepositoryError('Outbox claim failed', error)
        const current = error.Item ? unmarshall(error.Item) : undefined
        return current?.status === 'sending' ? { outcome: 'in-progress' } : { outcome: 'finished' }
      }
    },

    async markSent(id, { messageId, at }) {
      await updateIfPresent(id, {
        UpdateExpression:
          'SET #status = :sent, sentAt = :at, messageId = :messageId, expiresAt = :expiresAt REMOVE claimedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':at': at.toISOString(),
          ':messageId': messageId,
          ':expiresAt': ttlAfterDays(OUTBOX_RETENTION_DAYS, at),
        },
      })
    },

    async markFailed(id, { error, at }) {
      await updateIfPresent(id, {
        UpdateExpression:
          'SET #status = :pending, lastError = :error, failedAt = :at ADD attempts :one REMOVE claimedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':error': error,
          ':at': at.toISOString(),
          ':one': 1,
        },
      })
    },

    async markSkipped(id, { reason, at }) {
      await updateIfPresent(id, {
        UpdateExpression:
          'SET #status = :skipped, skipReason = :reason, skippedAt = :at, expiresAt = :expiresAt REMOVE claimedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':skipped': 'skipped',
          ':reason': reason,
          ':at': at.toISOString(),
          ':expiresAt': ttlAfterDays(OUTBOX_RETENTION_DAYS, at),
        },
      })
    },
  }
}
