import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import {
  type RegisterPart,
  RegisterPartSchema,
  type RegisterRepository,
  RepositoryError,
  type Session,
  sessionStart,
} from '@ey/domain'
import { batchGet } from './batch-get.ts'
import { bookingItem, sessionItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryIndex, queryPrefix } from './query.ts'
import { DEFAULT_RETRY, type RetryPolicy } from './retry.ts'

export interface RegisterRepositoryOptions {
  doc: DynamoDBDocumentClient
  tableName: string
  /** How often keys a BatchGet leaves unprocessed are asked for again. */
  retry?: RetryPolicy
}

type Item = Record<string, unknown>

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
  const retry = options.retry ?? DEFAULT_RETRY

  async function sessionsById(ids: string[]): Promise<Session[]> {
    const items = await batchGet(
      options,
      ids.map((id) => keys.session(id)),
      retry,
    )
    return items.map(sessionItem.from)
  }

  return {
    async sessionBookings(sessionId) {
      const items = await queryIndex(options, 'gsi1', indexKeys.registerPk(sessionId))
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
      const items = await queryPrefix(options, keys.session(sessionId).pk, keys.registerPartPrefix)
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
      const items = await queryIndex(options, 'gsi1', indexKeys.trainerSessionsPk(trainerId))
      const sessions = await sessionsById([...new Set(items.map((item) => String(item.sessionId)))])
      // The index may lag an edit: the session item itself says who runs it and when.
      return sessions
        .filter((session) => session.trainerIds.includes(trainerId))
        .sort((a, b) => sessionStart(a).getTime() - sessionStart(b).getTime() || a.id.localeCompare(b.id))
    },
  }
}
