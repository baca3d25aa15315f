import { DomainError, type StaffDirectory, type StaffMember, StaffMemberSchema } from '@ey/domain'
import { type DocumentClient, GetCommand } from './client/index.ts'
import { indexKeys, keys } from './keys.ts'
import { queryUpTo } from './query.ts'
import { transact } from './transactions.ts'

export interface StaffDirectoryOptions {
  doc: DocumentClient
  tableName: string
}

/**
 * The staff directory in the table: `STAFF#<sub>` items listed through gsi1 `STAFF`, and a
 * `STAFF_USERNAME#<username>` item written in the same transaction so a username is taken once.
 */
export function createDynamoStaffDirectory(options: StaffDirectoryOptions): StaffDirectory {
  const { doc, tableName } = options

  async function get(key: { pk: string; sk: string }) {
    const result = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))
    return result.Item
  }

  return {
    async add(member) {
      const valid = StaffMemberSchema.parse(member)
      const absent = { ConditionExpression: 'attribute_not_exists(pk)' }
      const cancelled = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: {
              ...keys.staff(valid.sub),
              ...indexKeys.staffListing(valid.username),
              type: 'staff',
              ...valid,
            },
            ...absent,
          },
        },
        {
          Put: {
            TableName: tableName,
            Item: { ...keys.staffUsername(valid.username), type: 'staffUsername', sub: valid.sub },
            ...absent,
          },
        },
      ])
      if (cancelled)
        throw new DomainError('already-exists', 'A staff member with this username already exists.')
    },

    async page({ after, limit }) {
      // One more than the page, read only until found, tells whether another page follows.
      const found = await queryUpTo(
        options,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: after ? 'gsi1pk = :pk AND gsi1sk > :after' : 'gsi1pk = :pk',
          ExpressionAttributeValues: {
            ':pk': indexKeys.staffListingPk,
            ...(after ? { ':after': after } : {}),
          },
          Limit: limit + 1,
        },
        limit + 1,
      )
      const items = found.slice(0, limit).map(fromItem)
      const last = items.at(-1)
      return { items, ...(found.length > limit && last ? { next: last.username } : {}) }
    },

    async findByUsername(username) {
      const held = await get(keys.staffUsername(username))
      if (typeof held?.sub !== 'string') return undefined
      const item = await get(keys.staff(held.sub))
      return item ? fromItem(item) : undefined
    },

    async get(sub) {
      const item = await get(keys.staff(sub))
      return item ? fromItem(item) : undefined
    },
  }
}

function fromItem(item: Record<string, unknown>): StaffMember {
  return StaffMemberSchema.parse(item)
}
