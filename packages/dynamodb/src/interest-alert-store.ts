import {
  type AlertCount,
  alertSent,
  alertStopped,
  DomainError,
  type InterestAlert,
  type InterestAlertStore,
  RepositoryError,
  ServiceBusyError,
} from '@ey/domain'
import { GetCommand, type TransactWriteCommandInput } from './client/index.ts'
import { interestAlertItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryIndex, type TableAccess } from './query.ts'
import { DEFAULT_RETRY, type RetryPolicy, withConflictRetry } from './retry.ts'
import { failed, transact } from './transactions.ts'

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** Reads and writes of one attempt before the store gives up on a race it keeps losing. */
const MAX_ROUNDS = 5

/**
 * Interest alerts on DynamoDB. Each change is one transaction of the alert (written only while it
 * is as read: its `updatedAt` unchanged), the person's lock on the course (held while the alert is
 * open) and the count of open alerts of its course and LA, so the counts never drift from the alerts.
 */
export function createDynamoInterestAlertStore(
  table: TableAccess,
  retry: RetryPolicy = DEFAULT_RETRY,
): InterestAlertStore {
  const { doc, tableName } = table

  async function getAlert(id: string): Promise<InterestAlert | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.interestAlert(id), ConsistentRead: true }),
    )
    return Item ? interestAlertItem.from(Item) : undefined
  }

  const lockKey = (alert: InterestAlert) => keys.alertPerson(alert.courseId, alert.emailKey)

  /** The alert written over the one read, only while that is still what is stored. */
  const replace = (read: InterestAlert, next: InterestAlert): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: interestAlertItem.to(next),
      ConditionExpression: 'updatedAt = :read',
      ExpressionAttributeValues: { ':read': read.updatedAt },
    },
  })

  /** The count of a course and LA moved by one; the item is made by its first change. */
  const count = (courseId: string, laCode: string, delta: 1 | -1): TransactItem => {
    const { gsi1pk, gsi1sk } = indexKeys.alertCounts(courseId, laCode)
    return {
      Update: {
        TableName: tableName,
        Key: keys.alertCount(courseId, laCode),
        UpdateExpression:
          'SET gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, courseId = :course, laCode = :la, #type = :type ADD openAlerts :delta',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':gsi1pk': gsi1pk,
          ':gsi1sk': gsi1sk,
          ':course': courseId,
          ':la': laCode,
          ':type': 'alert-count',
          ':delta': delta,
        },
      },
    }
  }

  /** Closes an open alert as `next` (sent or stopped): its lock goes and its LA's count falls. */
  const close = (read: InterestAlert, next: InterestAlert): TransactItem[] => [
    replace(read, next),
    {
      Delete: {
        TableName: tableName,
        Key: lockKey(read),
        ConditionExpression: 'alertId = :id',
        ExpressionAttributeValues: { ':id': read.id },
      },
    },
    count(read.courseId, read.laCode, -1),
  ]

  /**
   * Runs rounds of read-then-write until one answers: each answers the result, or undefined when
   * what it read changed before it wrote (then it reads again). Conflicts with other transactions
   * are retried with backoff; a race lost every time answers `service-busy`.
   */
  async function settle<T>(round: () => Promise<{ done: T } | undefined>): Promise<T> {
    for (let n = 0; n < MAX_ROUNDS; n++) {
      const outcome = await withConflictRetry(retry, round)
      if (outcome) return outcome.done
    }
    throw new ServiceBusyError()
  }

  return {
    getAlert,

    openAlert(alert) {
      return settle(async () => {
        const { Item: lock } = await doc.send(
          new GetCommand({ TableName: tableName, Key: lockKey(alert), ConsistentRead: true }),
        )
        if (!lock) {
          const cancellation = await transact(doc, [
            {
              Put: {
                TableName: tableName,
                Item: { ...lockKey(alert), type: 'alert-person', alertId: alert.id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: interestAlertItem.to(alert),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            count(alert.courseId, alert.laCode, 1),
          ])
          if (cancellation && failed(cancellation, 1)) throw new DomainError('already-exists')
          return cancellation ? undefined : { done: alert }
        }
        const current = await getAlert(String(lock.alertId))
        if (current?.status !== 'open') {
          throw new RepositoryError('An alert lock names an alert that is not open', lock.alertId)
        }
        if (current.laCode === alert.laCode && current.scope === alert.scope) return { done: current }
        const next = { ...current, laCode: alert.laCode, scope: alert.scope, updatedAt: alert.updatedAt }
        const moved =
          current.laCode === next.laCode
            ? []
            : [count(current.courseId, current.laCode, -1), count(next.courseId, next.laCode, 1)]
        return (await transact(doc, [replace(current, next), ...moved])) ? undefined : { done: next }
      })
    },

    async openAlertsOf(courseId) {
      const items = await queryIndex(table, 'gsi1', indexKeys.openAlertsPk(courseId))
      return items.map(interestAlertItem.from).filter((alert) => alert.status === 'open')
    },

    closeAlert(id, { sessionId, at }) {
      return settle(async () => {
        const current = await getAlert(id)
        if (current?.status !== 'open') return { done: current }
        const next = alertSent(current, sessionId, at)
        return (await closeOrReread(current, next)) ? { done: next } : undefined
      })
    },

    stopAlert(id, at) {
      return settle(async () => {
        const current = await getAlert(id)
        if (!current || current.status === 'stopped') return { done: current }
        const next = alertStopped(current, at)
        if (current.status === 'open')
          return (await closeOrReread(current, next)) ? { done: next } : undefined
        return (await transact(doc, [replace(current, next)])) ? undefined : { done: next }
      })
    },

    async openAlertCounts(): Promise<AlertCount[]> {
      const items = await queryIndex(table, 'gsi1', indexKeys.alertCountsPk)
      return items.map((item) => ({
        courseId: String(item.courseId),
        laCode: String(item.laCode),
        open: Number(item.openAlerts ?? 0),
      }))
    },
  }

  /** Closes the open alert as `next`; false when the alert changed since it was read. */
  async function closeOrReread(read: InterestAlert, next: InterestAlert): Promise<boolean> {
    const cancellation = await transact(doc, close(read, next))
    if (!cancellation) return true
    if (failed(cancellation, 1) && !failed(cancellation, 0)) {
      throw new RepositoryError('An open alert has no lock of its own', read.id)
    }
    return false
  }
}
