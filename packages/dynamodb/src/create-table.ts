import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb'
import { TABLE } from './table.ts'

/** The CreateTable input for the table definition (used locally and in tests; CDK builds its own). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keys = [
    TABLE.partitionKey,
    TABLE.sortKey,
    ...TABLE.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keys.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE.stream },
  }
}

/**
 * Creates the table if it does not exist yet, adds any index of the definition that an existing
 * table lacks (local data made before the index was defined), and waits until all are active.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)))
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
      }),
    )
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName })
  await addMissingIndexes(client, tableName)
}

const INDEX_WAIT_MS = 120_000

/** Creates each index of the definition the table lacks, one at a time (DynamoDB's rule), waiting for each. */
async function addMissingIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
  const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName))
  const wanted = createTableInput(tableName).GlobalSecondaryIndexes ?? []
  for (const index of wanted.filter((index) => !existing.has(index.IndexName))) {
    const keyNames = new Set(index.KeySchema?.map((key) => key.AttributeName))
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    )
    await waitUntilIndexActive(client, tableName, index.IndexName as string)
  }
}

async function waitUntilIndexActive(
  client: DynamoDBClient,
  tableName: string,
  indexName: string,
): Promise<void> {
  const deadline = performance.now() + INDEX_WAIT_MS
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
    const index = Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName)
    if (index?.IndexStatus === 'ACTIVE' && Table?.TableStatus === 'ACTIVE') return
    if (performance.now() > deadline)
      throw new Error(`Index ${indexName} of ${tableName} is not active after ${INDEX_WAIT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
