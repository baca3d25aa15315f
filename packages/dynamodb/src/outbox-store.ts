import { unmarshall } from '@aws-sdk/util-dynamodb'
import {
  type OutboxClaim,
  type OutboxMessage,
  OutboxMessageSchema,
  type OutboxProblem,
  type OutboxStore,
  RepositoryError,
} from '@ey/domain'
import {
  ConditionalCheckFailedException,
  type DocumentClient,
  PutCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from './client/index.ts'
import { OUTBOX_RETENTION_DAYS, outboxItem, ttlAfterDays } from './items.ts'
import { dueKeys, indexKeys, keys } from './keys.ts'
import { queryPages, queryUpTo } from './query.ts'

export interface OutboxStoreOptions {
  doc: DocumentClient
  tableName: string
  /** A claim this old is taken to belong to a sender that died; defaults to 5 minutes. */
  staleClaimMs?: number
}

const FIVE_MINUTES_MS = 5 * 60_000

/** Recorded as the last error of an attempt whose sender died holding the claim. */
const ABANDONED = 'ClaimAbandoned'

type Item = Record<string, unknown>

/**
 * Outbox items: queued once by id, then their delivery state: pending → sending → sent | skipped,
 * back to pending after a failure, or parked as failed after the last attempt. Every step is one
 * conditional write, so two senders never both own an item. While an item is pending or being sent
 * it carries gsi4 keys (`DUE#outbox`) at the instant something must next happen to it.
 */
export function createOutboxStore(options: OutboxStoreOptions): OutboxStore {
  const { doc, tableName } = options
  const table = { doc, tableName }
  const staleClaimMs = options.staleClaimMs ?? FIVE_MINUTES_MS
  const due = (id: string, at: Date) => dueKeys.due('outbox', at, id)

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

  /**
   * Ends a failed attempt: the item's new status, its attempts so far and the last error, the index
   * keys that list it now (`set`), and the attributes it no longer holds (`remove`).
   */
  async function closeAttempt(
    id: string,
    status: 'pending' | 'failed',
    failure: { error: string; at: Date; attempts: number },
    set: Record<string, string>,
    remove: string,
  ) {
    const names = Object.keys(set)
    await updateIfPresent(id, {
      UpdateExpression: `SET #status = :status, lastError = :error, failedAt = :at, attempts = :attempts, ${names
        .map((name) => `${name} = :${name}`)
        .join(', ')} REMOVE ${remove}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': status,
        ':error': failure.error,
        ':at': failure.at.toISOString(),
        ':attempts': failure.attempts,
        ...Object.fromEntries(names.map((name) => [`:${name}`, set[name]])),
      },
    })
  }

  /** Claims an item in the state `condition` describes; the item as it was when the condition failed. */
  async function claimWhere(
    id: string,
    now: Date,
    condition: string,
    values: Record<string, unknown>,
    extra = '',
  ): Promise<{ claimed: Item } | { current: Item | undefined }> {
    const dueAgain = due(id, new Date(now.getTime() + staleClaimMs))
    try {
      const result = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.outbox(id),
          UpdateExpression: `SET #status = :sending, claimedAt = :now, duePk = :duePk, dueSk = :dueSk${extra}`,
          ConditionExpression: `attribute_exists(pk) AND ${condition}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':now': now.toISOString(),
            ':duePk': dueAgain.duePk,
            ':dueSk': dueAgain.dueSk,
            ...values,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      return { claimed: result.Attributes ?? {} }
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException))
        throw new RepositoryError('Outbox claim failed', error)
      return { current: error.Item ? unmarshall(error.Item) : undefined }
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
      const first = await claimWhere(id, now, '#status = :pending', { ':pending': 'pending' })
      if ('claimed' in first) return { outcome: 'claimed', attempts: Number(first.claimed.attempts ?? 0) }
      const current = first.current
      if (current?.status !== 'sending') return { outcome: 'finished' }
      const staleBy = new Date(now.getTime() - staleClaimMs).toISOString()
      if (typeof current.claimedAt !== 'string' || current.claimedAt > staleBy)
        return { outcome: 'in-progress' }
      // Its sender died mid-send: take the claim over, counting the abandoned attempt. The condition
      // names the claim read, so of two senders taking it over at once only one succeeds.
      const takeover = await claimWhere(
        id,
        now,
        '#status = :sending AND claimedAt = :abandoned',
        { ':abandoned': current.claimedAt, ':one': 1, ':error': ABANDONED },
        ', lastError = :error, failedAt = :now ADD attempts :one',
      )
      return 'claimed' in takeover
        ? { outcome: 'claimed', attempts: Number(takeover.claimed.attempts ?? 0), takenOver: true }
        : { outcome: 'in-progress' }
    },

    async markSent(id, { messageId, at }) {
      await updateIfPresent(id, {
        UpdateExpression:
          'SET #status = :sent, sentAt = :at, messageId = :messageId, expiresAt = :expiresAt REMOVE claimedAt, duePk, dueSk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':at': at.toISOString(),
          ':messageId': messageId,
          ':expiresAt': ttlAfterDays(OUTBOX_RETENTION_DAYS, at),
        },
      })
    },

    async markFailed(id, { retryAt, ...failure }) {
      await closeAttempt(id, 'pending', failure, due(id, retryAt), 'claimedAt')
    },

    async park(id, failure) {
      const listed = indexKeys.parkedOutbox(failure.at.toISOString(), id)
      await closeAttempt(id, 'failed', failure, listed, 'claimedAt, duePk, dueSk')
    },

    async markSkipped(id, { reason, at }) {
      await updateIfPresent(id, {
        UpdateExpression:
          'SET #status = :skipped, skipReason = :reason, skippedAt = :at, expiresAt = :expiresAt REMOVE claimedAt, duePk, dueSk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':skipped': 'skipped',
          ':reason': reason,
          ':at': at.toISOString(),
          ':expiresAt': ttlAfterDays(OUTBOX_RETENTION_DAYS, at),
        },
      })
    },

    async *due(now): AsyncIterable<OutboxMessage> {
      const pages = queryPages(table, {
        IndexName: 'gsi4',
        KeyConditionExpression: 'duePk = :pk AND dueSk <= :by',
        ExpressionAttributeValues: { ':pk': dueKeys.duePk('outbox'), ':by': dueKeys.dueBy(now) },
      })
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          // An item this version cannot read (a kind added by a newer one, mid-deployment) is left
          // for a sender that can.
          const parsed = OutboxMessageSchema.safeParse(item)
          if (parsed.success) yield parsed.data
        }
      }
    },

    async problems(max): Promise<OutboxProblem[]> {
      const [parked, pending] = await Promise.all([
        queryUpTo(
          table,
          {
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': indexKeys.parkedOutboxPk },
            ScanIndexForward: false,
          },
          max,
        ),
        queryUpTo(
          table,
          {
            IndexName: 'gsi4',
            KeyConditionExpression: 'duePk = :pk',
            FilterExpression: 'attempts > :none',
            ExpressionAttributeValues: { ':pk': dueKeys.duePk('outbox'), ':none': 0 },
          },
          max,
        ),
      ])
      return [...parked, ...pending].flatMap((item) => problemOf(item) ?? []).slice(0, max)
    },

    async resend(id, at) {
      const dueNow = due(id, at)
      try {
        const result = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.outbox(id),
            UpdateExpression:
              'SET #status = :pending, duePk = :duePk, dueSk = :dueSk, resentAt = :at REMOVE gsi1pk, gsi1sk',
            ConditionExpression: 'attribute_exists(pk) AND #status = :failed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':pending': 'pending',
              ':failed': 'failed',
              ':duePk': dueNow.duePk,
              ':dueSk': dueNow.dueSk,
              ':at': at.toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        )
        return outboxItem.from(result.Attributes ?? {})
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined
        throw new RepositoryError('Outbox resend failed', error)
      }
    },
  }
}

/** A failed item as administrators see it; undefined for one this version cannot read. */
function problemOf(item: Item): OutboxProblem | undefined {
  const message = OutboxMessageSchema.safeParse(item)
  if (!message.success) return undefined
  const pending = item.status !== 'failed'
  return {
    message: message.data,
    status: pending ? 'pending' : 'failed',
    attempts: Number(item.attempts ?? 0),
    ...(typeof item.lastError === 'string' ? { lastError: item.lastError } : {}),
    ...(typeof item.failedAt === 'string' ? { failedAt: item.failedAt } : {}),
    ...(pending && typeof item.dueSk === 'string' ? { retryAt: item.dueSk.split('#')[0] as string } : {}),
  }
}
