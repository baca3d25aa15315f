import { type Booking, type ManageLinkStore, ServiceBusyError } from '@ey/domain'
import { personBookingsEndingAfter } from './booking-lookup.ts'
import type { DocumentClient } from './client/index.ts'
import { outboxItem } from './items.ts'
import { keys } from './keys.ts'
import { DEFAULT_RETRY, type RetryPolicy, withConflictRetry } from './retry.ts'
import { transact } from './transactions.ts'

/**
 * A person's manage links on DynamoDB: their bookings from gsi2 (by a hash of the normalised
 * email), and the renewal as one transaction of the email's outbox item (put only if absent) and
 * each booking's new version and token hash (only if its version is still the one read).
 */
export function createDynamoManageLinkStore(options: {
  doc: DocumentClient
  tableName: string
  retry?: RetryPolicy
}): ManageLinkStore {
  const { doc, tableName } = options
  const retry = options.retry ?? DEFAULT_RETRY
  return {
    bookingsOf(emailKey: string, endedAfter: Date): Promise<Booking[]> {
      return personBookingsEndingAfter(options, emailKey, endedAfter)
    },

    async renew({ renewals, email, at }) {
      const outcome = await withConflictRetry(retry, async () => {
        const cancellation = await transact(doc, [
          {
            Put: {
              TableName: tableName,
              Item: outboxItem.to(email),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...renewals.map((renewal) => ({
            Update: {
              TableName: tableName,
              Key: keys.booking(renewal.bookingId),
              UpdateExpression: 'SET manageTokenVersion = :to, manageTokenHash = :hash, updatedAt = :at',
              ConditionExpression:
                renewal.fromVersion === 1
                  ? 'attribute_exists(pk) AND attribute_not_exists(manageTokenVersion)'
                  : 'manageTokenVersion = :from',
              ExpressionAttributeValues: {
                ':to': renewal.toVersion,
                ':hash': renewal.tokenHash,
                ':at': at.toISOString(),
                ...(renewal.fromVersion === 1 ? {} : { ':from': renewal.fromVersion }),
              },
            },
          })),
        ])
        if (!cancellation) return 'renewed' as const
        return cancellation.codes[0] === 'ConditionalCheckFailed'
          ? ('already-queued' as const)
          : ('changed' as const)
      })
      if (!outcome) throw new ServiceBusyError(1)
      return outcome
    },
  }
}
