import { type Material, MaterialSchema, type MaterialStore } from '@ey/domain'
import { DeleteCommand, PutCommand } from './client/index.ts'
import { keys } from './keys.ts'
import { queryPrefix, type TableAccess } from './query.ts'

function fromItem(item: Record<string, unknown>): Material {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item
  return MaterialSchema.parse(rest)
}

/** Materials on DynamoDB: one item each, in a partition of its course or session. */
export function createDynamoMaterialStore(table: TableAccess): MaterialStore {
  const { doc, tableName } = table
  return {
    async add(material) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.material(material.owner, material.id), type: 'material', ...material },
        }),
      )
    },
    async remove(owner, id) {
      const { Attributes } = await doc.send(
        new DeleteCommand({ TableName: tableName, Key: keys.material(owner, id), ReturnValues: 'ALL_OLD' }),
      )
      return Attributes ? fromItem(Attributes) : undefined
    },
    async listOf(owner) {
      return (await queryPrefix(table, keys.materials(owner), keys.materialPrefix)).map(fromItem)
    },
  }
}
