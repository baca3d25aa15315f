import {
  normaliseEmail,
  type UndeliverableAddress,
  type UndeliverableAddresses,
  UndeliverableAddressSchema,
} from '@ey/domain'
import { DeleteCommand, GetCommand, PutCommand } from './client/index.ts'
import { emailHash, indexKeys, keys } from './keys.ts'
import { queryUpTo, type TableAccess } from './query.ts'

/** The id an address is kept under: the hash of its normalised form, never the address itself. */
const idOf = (address: string) => emailHash(normaliseEmail(address))

/**
 * Undeliverable addresses on DynamoDB: one item per address, keyed by its hash; the address is
 * stored in the item only, so administrators can see it, and listed on gsi1 by report time.
 */
export function createUndeliverableStore(table: TableAccess): UndeliverableAddresses {
  const { doc, tableName } = table
  const from = (item: Record<string, unknown>): UndeliverableAddress => UndeliverableAddressSchema.parse(item)

  return {
    async isUndeliverable(address) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.undeliverable(idOf(address)),
          ConsistentRead: true,
        }),
      )
      return Item !== undefined
    },

    async mark(entry) {
      const id = idOf(entry.address)
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.undeliverable(id),
            ...indexKeys.undeliverableListing(entry.at, id),
            type: 'undeliverable',
            id,
            ...entry,
          },
        }),
      )
    },

    async list(max) {
      const items = await queryUpTo(
        table,
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': indexKeys.undeliverableListingPk },
          ScanIndexForward: false,
        },
        max,
      )
      return items.map(from)
    },

    async clear(id) {
      const { Attributes } = await doc.send(
        new DeleteCommand({ TableName: tableName, Key: keys.undeliverable(id), ReturnValues: 'ALL_OLD' }),
      )
      return Attributes ? from(Attributes) : undefined
    },
  }
}
