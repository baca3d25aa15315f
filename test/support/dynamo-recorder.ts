import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { TABLE } from '@ey/dynamodb'
import { DocumentClient } from '@ey/dynamodb/client'
import { localDynamoConfig, type TestTable } from './dynamo.ts'

/**
 * One request's use of the table as IAM sees it: the action it is authorised by (each part of a
 * transaction is its own action), the index it reads (none: the table) and the partition keys it
 * names, the index's own for a query on an index.
 */
export interface TableAccess {
  action: string
  index?: string
  partitions: string[]
}

type Attribute = { S?: string } | string | undefined
type Key = Record<string, Attribute>

const stringOf = (attribute: Attribute): string =>
  typeof attribute === 'string' ? attribute : (attribute?.S ?? String(attribute))

/** The IAM action and partition key of each part of a transaction. */
const TRANSACT_PARTS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Get: 'dynamodb:GetItem',
}

/** The partition key a query names: the value compared with the table's or index's partition key. */
function queryPartition(input: Record<string, unknown>): string {
  const index = TABLE.indexes.find((entry) => entry.name === input.IndexName)
  const partitionKey = index ? index.partitionKey : TABLE.partitionKey
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, Attribute>
  for (const [, name, value] of String(input.KeyConditionExpression).matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    if ((names[name as string] ?? name) === partitionKey) return stringOf(values[value as string])
  }
  throw new Error(`No partition key in the query ${String(input.KeyConditionExpression)}`)
}

/** What IAM authorises for one command of the DynamoDB client (`PutItemCommand`, `PutCommand`…). */
export function accessesOf(commandName: string, input: Record<string, unknown>): TableAccess[] {
  const name = commandName.replace(/Command$/, '')
  const pk = (key: unknown) => stringOf((key as Key)[TABLE.partitionKey])
  switch (name) {
    case 'GetItem':
    case 'Get':
      return [{ action: 'dynamodb:GetItem', partitions: [pk(input.Key)] }]
    case 'PutItem':
    case 'Put':
      return [{ action: 'dynamodb:PutItem', partitions: [pk(input.Item)] }]
    case 'UpdateItem':
    case 'Update':
      return [{ action: 'dynamodb:UpdateItem', partitions: [pk(input.Key)] }]
    case 'DeleteItem':
    case 'Delete':
      return [{ action: 'dynamodb:DeleteItem', partitions: [pk(input.Key)] }]
    case 'Query':
      return [
        {
          action: 'dynamodb:Query',
          ...(input.IndexName ? { index: String(input.IndexName) } : {}),
          partitions: [queryPartition(input)],
        },
      ]
    case 'Scan':
      return [
        {
          action: 'dynamodb:Scan',
          ...(input.IndexName ? { index: String(input.IndexName) } : {}),
          partitions: [],
        },
      ]
    case 'BatchGetItem':
    case 'BatchGet':
      return Object.values(input.RequestItems as Record<string, { Keys: unknown[] }>).map((request) => ({
        action: 'dynamodb:BatchGetItem',
        partitions: request.Keys.map(pk),
      }))
    case 'BatchWriteItem':
    case 'BatchWrite':
      return Object.values(
        input.RequestItems as Record<string, Record<string, { Item?: unknown; Key?: unknown }>[]>,
      ).map((requests) => ({
        action: 'dynamodb:BatchWriteItem',
        partitions: requests.map((request) => pk(request.PutRequest?.Item ?? request.DeleteRequest?.Key)),
      }))
    case 'TransactWriteItems':
    case 'TransactWrite':
    case 'TransactGetItems':
    case 'TransactGet':
      return (input.TransactItems as Record<string, { Key?: unknown; Item?: unknown }>[]).flatMap((part) =>
        Object.entries(part).map(([kind, body]) => ({
          action: TRANSACT_PARTS[kind] ?? `unknown:${kind}`,
          partitions: [pk(body.Key ?? body.Item)],
        })),
      )
    default:
      return [{ action: `dynamodb:${name}`, partitions: [] }]
  }
}

/**
 * A client of the run's DynamoDB Local on this test table that records every access it makes, as
 * a function's own client would: give it to the function's wiring, and arrange data with another.
 */
export function recordingTable(table: Pick<TestTable, 'tableName'>): TestTable & { accesses: TableAccess[] } {
  const accesses: TableAccess[] = []
  const doc = new DocumentClient({
    ...localDynamoConfig(),
    observe: (operation, request) => accesses.push(...accessesOf(operation, request)),
  })
  return { tableName: table.tableName, client: new DynamoDBClient(localDynamoConfig()), doc, accesses }
}
