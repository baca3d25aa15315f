import { randomUUID } from 'node:crypto'
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { createTableInput, dueKeys, ensureTable } from '@ey/dynamodb'
import { DocumentClient, PutCommand, QueryCommand } from '@ey/dynamodb/client'
import { type LocalService, startDynamoDbLocal } from '@ey/local-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDynamoConfig } from '../support/dynamo.ts'

describe('ensureTable', () => {
  // Adding an index runs on a DynamoDB Local of its own: on an instance holding a dozen tables or
  // more (the run's shared one holds hundreds), DynamoDB Local never finishes an index backfill;
  // `pnpm start` has one table, so it builds there in about a second.
  let own: LocalService
  beforeAll(async () => {
    own = await startDynamoDbLocal({})
  }, 60_000)
  afterAll(() => own?.stop())

  it('adds an index of the definition that a table made before it lacks, and waits until it is active', async () => {
    const client = new DynamoDBClient(localDynamoConfig(own.endpoint))
    const doc = new DocumentClient(localDynamoConfig(own.endpoint))
    const tableName = `old-${randomUUID()}`
    const input = createTableInput(tableName)
    const withoutGsi4 = input.GlobalSecondaryIndexes?.filter((index) => index.IndexName !== 'gsi4')
    await client.send(
      new CreateTableCommand({
        ...input,
        GlobalSecondaryIndexes: withoutGsi4,
        AttributeDefinitions: input.AttributeDefinitions?.filter(
          (a) => a.AttributeName !== 'duePk' && a.AttributeName !== 'dueSk',
        ),
      }),
    )
    const due = dueKeys.due('offer', '2026-03-02T13:00:00Z', 'bk_1')
    await doc.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'BOOKING#bk_1', sk: 'BOOKING', ...due } }),
    )

    await ensureTable(client, tableName)

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus]).sort()).toEqual([
      ['gsi1', 'ACTIVE'],
      ['gsi2', 'ACTIVE'],
      ['gsi3', 'ACTIVE'],
      ['gsi4', 'ACTIVE'],
    ])
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi4',
        KeyConditionExpression: 'duePk = :pk',
        ExpressionAttributeValues: { ':pk': due.duePk },
      }),
    )
    expect(Items?.map((item) => item.pk)).toEqual(['BOOKING#bk_1'])
  })

  it('leaves a table that has every index as it is', async () => {
    const client = new DynamoDBClient(localDynamoConfig())
    const tableName = `new-${randomUUID()}`
    await ensureTable(client, tableName)
    await ensureTable(client, tableName)
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
    expect(Table?.GlobalSecondaryIndexes).toHaveLength(4)
  })
})
