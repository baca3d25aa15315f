import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb'
import {
  type RegisterPart,
  RegisterPartSchema,
  type RegisterRepository,
  RepositoryError,
  type Session,
  sessionStart,
} from '@ey/domain'
import { bookingItem, sessionItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'

export interface RegisterRepositoryOptions {
  doc: DynamoDBDocumentClient
  tableName: string
}

type Item = Record<string, unknown>

/** The items that index a session under each of its trainers ("my sessions"). */
export function trainerAssignmentItems(session: Session): Item[] {
  const startsAt = sessionStart(session).toISOString()
  return session.trainerIds.map((trainerId) => ({
    ...keys.trainerAssignment(session.id, trainerId),
    ...indexKeys.trainerSessions(trainerId, startsAt, session.id),
    type: 'trainer-assignment',
    sessionId: session.id,
    trainerId,
  }))
}

/**
 * Brings a session's trainer index in line with its `trainerIds` and start, after an
 * administrator's edit: puts the current assignments and deletes those of trainers removed.
 * Idempotent, so it can run again after a failure.
 */
export async function syncTrainerAssignments(
  options: RegisterRepositoryOptions,
  session: Session,
): Promise<void> {
  const { doc, tableName } = options
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :trainer)',
      ExpressionAttributeValues: { ':pk': keys.session(session.id).pk, ':trainer': 'TRAINER#' },
      ConsistentRead: true,
    }),
  )
  const current = trainerAssignmentItems(session)
  for (const item of current) await doc.send(new PutCommand({ TableName: tableName, Item: item }))
  const kept = new Set(current.map((item) => item.sk))
  for (const item of Items.filter((old) => !kept.has(old.sk))) {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }))
  }
}

const registerPartItem = {
  to: (register: RegisterPart): Item => ({
    ...keys.registerPart(register.sessionId, register.part),
    type: 'register-part',
    ...register,
  }),
  from: (item: Item): RegisterPart => {
    const { pk: _pk, sk: _sk, type: _type, ...rest } = item
    return RegisterPartSchema.parse(rest)
  },
}

/** Registers on DynamoDB: one item per session part, written under optimistic version checks. */
export function createDynamoRegisterRepository(options: RegisterRepositoryOptions): RegisterRepository {
  const { doc, tableName } = options

  async function queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
    const items: Item[] = []
    let ExclusiveStartKey: Item | undefined
    do {
      const page = await doc.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey }))
      items.push(...(page.Items ?? []))
      ExclusiveStartKey = page.LastEvaluatedKey
    } while (ExclusiveStartKey)
    return items
  }

  async function sessionsById(ids: string[]): Promise<Session[]> {
    const sessions: Session[] = []
    for (let i = 0; i < ids.length; i += 100) {
      let request: Record<string, { Keys: Item[]; ConsistentRead?: boolean }> | undefined = {
        [tableName]: { Keys: ids.slice(i, i + 100).map((id) => keys.session(id)) },
      }
      while (request && Object.keys(request).length > 0) {
        const answer = await doc.send(new BatchGetCommand({ RequestItems: request }))
        sessions.push(...(answer.Responses?.[tableName] ?? []).map(sessionItem.from))
        request = answer.UnprocessedKeys as typeof request
      }
    }
    return sessions
  }

  return {
    async sessionBookings(sessionId) {
      const items = await queryAll({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': indexKeys.register(sessionId, '', '').gsi1pk },
      })
      return items.map(bookingItem.from)
    },

    async getRegisterPart(sessionId, part) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.registerPart(sessionId, part),
          ConsistentRead: true,
        }),
      )
      return Item ? registerPartItem.from(Item) : undefined
    },

    async registerParts(sessionId) {
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :attendance)',
        ExpressionAttributeValues: { ':pk': keys.session(sessionId).pk, ':attendance': 'ATTENDANCE#' },
        ConsistentRead: true,
      })
      return items.map(registerPartItem.from)
    },

    async saveRegisterPart(register) {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: registerPartItem.to({ ...register, version: register.version + 1 }),
            ConditionExpression: register.version === 0 ? 'attribute_not_exists(pk)' : 'version = :expected',
            ...(register.version === 0
              ? {}
              : { ExpressionAttributeValues: { ':expected': register.version } }),
          }),
        )
        return true
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false
        throw new RepositoryError('Register write failed', error)
      }
    },

    async trainerSessions(trainerId) {
      const items = await queryAll({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `TRAINER#${trainerId}` },
      })
      const sessions = await sessionsById([...new Set(items.map((item) => String(item.sessionId)))])
      // The index may lag an edit: the session item itself says who runs it and when.
      return sessions
        .filter((session) => session.trainerIds.includes(trainerId))
        .sort((a, b) => sessionStart(a).getTime() - sessionStart(b).getTime() || a.id.localeCompare(b.id))
    },
  }
}
