import { unmarshall } from '@aws-sdk/util-dynamodb'
import {
  belowHeld,
  DomainError,
  monthsBetween,
  RepositoryError,
  type Session,
  type SessionStore,
  sessionStart,
} from '@ey/domain'
import {
  ConditionalCheckFailedException,
  type DocumentClient,
  GetCommand,
  UpdateCommand,
} from './client/index.ts'
import { syncInvitationLook } from './invitation-store.ts'
import { bookingItem, outboxItem, sessionItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryIndex, queryPrefix } from './query.ts'
import { syncReminderEntries } from './reminder-entries.ts'
import { syncTrainerAssignments } from './trainer-assignments.ts'
import { failed, transact } from './transactions.ts'

export interface SessionStoreOptions {
  doc: DocumentClient
  tableName: string
  /**
   * The reminder leads of a session that sets none of its own (`REMINDER_LEADS_MINUTES`);
   * unset, `DEFAULT_REMINDER_LEADS_MINUTES`.
   */
  defaultReminderLeadsMinutes?: readonly number[]
}

/** Attributes the booking engine owns: an administrator's save never writes them. */
const ENGINE_OWNED = new Set(['pk', 'sk', 'capacity', 'heldCount', 'waitingCount', 'createdAt', 'id'])
/** Optional attributes removed when the saved session no longer has them. */
const OPTIONAL = [
  'venue',
  'joiningUrl',
  'bookingOpensAt',
  'bookingClosesAt',
  'reminderLeadsMinutes',
  'gsi1pk',
  'gsi1sk',
]

/** Sessions written in one transaction: DynamoDB's limit on one TransactWriteItems call. */
export const MAX_SESSIONS_PER_TRANSACTION = 100

/** The administrators' session writes on DynamoDB, each one conditional, so counters stay the engine's. */
export function createDynamoSessionStore(options: SessionStoreOptions): SessionStore {
  const { doc, tableName } = options

  async function getSession(id: string): Promise<Session | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.session(id), ConsistentRead: true }),
    )
    return Item ? sessionItem.from(Item) : undefined
  }

  /** The items that follow a session: its trainers' index, its reminders, its parts' days and its invitation look. */
  async function syncSessionIndexes(session: Session): Promise<void> {
    await syncTrainerAssignments(options, session)
    await syncReminderEntries(options, session, options.defaultReminderLeadsMinutes)
    await syncInvitationLook(options, session)
  }

  return {
    getSession,

    async createSessions(sessions) {
      if (sessions.length === 0) return
      if (sessions.length > MAX_SESSIONS_PER_TRANSACTION) {
        throw new RangeError(`At most ${MAX_SESSIONS_PER_TRANSACTION} sessions can be created at once`)
      }
      const cancellation = await transact(
        doc,
        sessions.map((session) => ({
          Put: {
            TableName: tableName,
            Item: sessionItem.to(session),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      )
      if (cancellation) throw new DomainError('already-exists')
      // Outside the transaction (its 100-item limit is the sessions'); idempotent, so safe to redo.
      for (const session of sessions) await syncSessionIndexes(session)
    },

    async saveSession(session, expectedStatus) {
      const item = sessionItem.to(session)
      const set = Object.keys(item).filter((name) => !ENGINE_OWNED.has(name))
      const remove = OPTIONAL.filter((name) => !(name in item))
      const names = Object.fromEntries([...set, ...remove].map((name) => [`#${name}`, name]))
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.session(session.id),
            UpdateExpression: `SET ${set.map((name) => `#${name} = :${name}`).join(', ')}${
              remove.length > 0 ? ` REMOVE ${remove.map((name) => `#${name}`).join(', ')}` : ''
            }`,
            ConditionExpression: 'attribute_exists(pk) AND #status = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ...Object.fromEntries(set.map((name) => [`:${name}`, item[name]])),
              ':expected': expectedStatus,
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        )
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) {
          throw new RepositoryError('Session save failed', error)
        }
        throw new DomainError(error.Item ? 'session-changed' : 'session-not-found')
      }
      await syncSessionIndexes(session)
    },

    async setCapacity(sessionId, capacity, at) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.session(sessionId),
            UpdateExpression: 'SET #capacity = :capacity, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND heldCount <= :capacity AND #status <> :cancelled',
            ExpressionAttributeNames: { '#capacity': 'capacity', '#status': 'status' },
            ExpressionAttributeValues: {
              ':capacity': capacity,
              ':at': at.toISOString(),
              ':cancelled': 'cancelled',
            },
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        )
        return sessionItem.from(Attributes ?? {})
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) {
          throw new RepositoryError('Capacity change failed', error)
        }
        const old = error.Item ? sessionItem.from(unmarshall(error.Item)) : undefined
        if (!old) throw new DomainError('session-not-found')
        if (old.status === 'cancelled') throw new DomainError('session-cancelled')
        throw belowHeld(old.heldCount)
      }
    },

    async liveBookingIds(sessionId) {
      // The person locks are in the session's own partition, so this read is consistent, unlike the register index.
      const locks = await queryPrefix(options, keys.session(sessionId).pk, keys.sessionPersonPrefix)
      return locks.map((item) => String(item.bookingId))
    },

    async changeSnapshot(change) {
      const at = change.at.toISOString()
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.booking(change.bookingId), ConsistentRead: true }),
      )
      if (!Item) return false
      const booking = bookingItem.from(Item)
      const entry = change.notice && {
        at,
        from: booking.status,
        to: booking.status,
        by: change.notice.by,
      }
      // The whole item is rewritten so the index keys that carry the start time follow the new parts.
      const updated = {
        ...booking,
        session: change.session,
        updatedAt: at,
        history: entry ? [...booking.history, entry] : booking.history,
      }
      const cancellation = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: { ...Item, ...bookingItem.to(updated) },
            ConditionExpression: 'updatedAt = :expected',
            ExpressionAttributeValues: { ':expected': change.expectedUpdatedAt },
          },
        },
        ...(change.notice
          ? [{ Put: { TableName: tableName, Item: outboxItem.to(change.notice.outbox) } }]
          : []),
      ])
      if (cancellation && failed(cancellation, 0)) return false
      return true
    },

    async listSessions({ from, to }) {
      const sessions: Session[] = []
      for (const month of monthsBetween(from, to)) {
        for (const item of await queryIndex(options, 'gsi2', indexKeys.sessionSchedulePk(month))) {
          const session = sessionItem.from(item)
          const start = sessionStart(session)
          if (start >= from && start < to) sessions.push(session)
        }
      }
      return sessions
    },
  }
}
