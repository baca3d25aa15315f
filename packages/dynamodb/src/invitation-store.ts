import {
  type Booking,
  type InvitationLook,
  type InvitationStore,
  placeLookAt,
  RepositoryError,
  SentInvitationSchema,
  type Session,
  sessionEnd,
  sessionStart,
} from '@ey/domain'
import {
  ConditionalCheckFailedException,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from './client/index.ts'
import { outboxItem, withoutKeys } from './items.ts'
import { dueKeys, keys } from './keys.ts'
import { queryDue, queryPrefix, type TableAccess } from './query.ts'
import { transact } from './transactions.ts'

/** The gsi4 keys of a look at `at`: the session's own, or a booking's place look. */
const lookDue = (look: Pick<InvitationLook, 'sessionId' | 'bookingId'>, at: Date | string) =>
  dueKeys.due('invitation', at, look.bookingId ? `${look.sessionId}#${look.bookingId}` : look.sessionId)

const lookKey = (look: InvitationLook) =>
  look.bookingId ? keys.placeLook(look.sessionId, look.bookingId) : keys.invitationLook(look.sessionId)

type PlaceBooking = Parameters<typeof placeLookAt>[1] & Pick<Booking, 'id' | 'sessionId'>

/**
 * The place look a booking's change writes, as a transaction's part (`placeLookAt`: when it gives
 * the booking a place), or nothing. Put whole, so a write retried writes the same item.
 */
export function placeLookWrites(tableName: string, before: PlaceBooking | undefined, after: PlaceBooking) {
  const at = placeLookAt(before, after)
  if (!at) return []
  const look = { sessionId: after.sessionId, bookingId: after.id }
  return [
    {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.placeLook(look.sessionId, look.bookingId),
          type: 'place-look',
          ...look,
          ...lookDue(look, at),
        },
      },
    },
  ]
}

/**
 * Brings a session's invitation look in line with the session as just written: a published
 * session has one, due at once (the session's `updatedAt`) when it is new or its first start or
 * last end moved, and left as it is otherwise (the job's next look stands); a draft or cancelled
 * session has none. Idempotent, so it can run again after a failure.
 */
export async function syncInvitationLook(table: TableAccess, session: Session): Promise<void> {
  const { doc, tableName } = table
  const key = keys.invitationLook(session.id)
  const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))
  if (session.status !== 'published') {
    if (Item) await doc.send(new DeleteCommand({ TableName: tableName, Key: key }))
    return
  }
  const startsAt = sessionStart(session).toISOString()
  const endsAt = sessionEnd(session).toISOString()
  if (Item?.startsAt === startsAt && Item.endsAt === endsAt) return
  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...key,
        type: 'invitation-look',
        sessionId: session.id,
        startsAt,
        endsAt,
        ...lookDue({ sessionId: session.id }, session.updatedAt),
      },
    }),
  )
}

/**
 * The invitations job's work on DynamoDB: looks due from gsi4 (`DUE#invitation`: the sessions'
 * own and the place looks), moved or cleared only while they still hold the time that was read (a
 * place look is deleted); invitations recorded in the session's partition
 * (`INVITED#<bookingId>#<kind>`) in one transaction with their outbox item.
 */
export function createDynamoInvitationStore(table: TableAccess): InvitationStore {
  const { doc, tableName } = table
  return {
    async dueLooks(now) {
      return (await queryDue(table, 'invitation', now)).map(
        (item): InvitationLook => ({
          sessionId: String(item.sessionId),
          at: String(item.dueSk).split('#')[0] as string,
          ...(item.type === 'place-look' ? { bookingId: String(item.bookingId) } : {}),
        }),
      )
    },

    async setNextLook(look, next) {
      const condition = {
        TableName: tableName,
        Key: lookKey(look),
        ConditionExpression: 'dueSk = :read',
        ExpressionAttributeValues: { ':read': lookDue(look, look.at).dueSk },
      }
      try {
        if (look.bookingId) await doc.send(new DeleteCommand(condition))
        else if (next) {
          await doc.send(
            new UpdateCommand({
              ...condition,
              UpdateExpression: 'SET dueSk = :next',
              ExpressionAttributeValues: {
                ...condition.ExpressionAttributeValues,
                ':next': lookDue(look, next).dueSk,
              },
            }),
          )
        } else await doc.send(new UpdateCommand({ ...condition, UpdateExpression: 'REMOVE duePk, dueSk' }))
      } catch (error) {
        // Moved by the session store (or deleted) since it was read: what was written stands.
        if (error instanceof ConditionalCheckFailedException) return
        throw new RepositoryError('Setting the next invitation look failed', error)
      }
    },

    async sentInvitations(sessionId) {
      const items = await queryPrefix(table, keys.session(sessionId).pk, keys.sentInvitationPrefix)
      return items.map((item) => SentInvitationSchema.parse(withoutKeys(item)))
    },

    async recordInvitation(invitation, message) {
      const cancellation = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.sentInvitation(invitation.sessionId, invitation.bookingId, invitation.kind),
              type: 'sent-invitation',
              ...invitation,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: outboxItem.to(message),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ])
      return cancellation === undefined
    },
  }
}
