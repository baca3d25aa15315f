import { DescribeTableCommand } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, PutCommand, UpdateCommand } from '@ey/dynamodb/client'
import {
  type DynamoDBBatchResponse,
  type DynamoDBStreamEvent,
  type StreamPoller,
  type StreamPollerOptions,
  startStreamPoller,
} from '@ey/local-stack'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestTable, localDynamoConfig, type TestTable } from '../support/dynamo.ts'

const pollers: StreamPoller[] = []

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()))
})

function poll(
  table: TestTable,
  options: Partial<StreamPollerOptions> & Pick<StreamPollerOptions, 'handler'>,
) {
  const poller = startStreamPoller({
    client: localDynamoConfig(),
    tableName: table.tableName,
    pollIntervalMs: 50,
    retryDelayMs: 20,
    onError: () => {},
    ...options,
  })
  pollers.push(poller)
  return poller
}

async function putItems(table: TestTable, ids: string[]): Promise<void> {
  for (const id of ids) {
    await table.doc.send(
      new PutCommand({ TableName: table.tableName, Item: { pk: `ITEM#${id}`, sk: 'A', id } }),
    )
  }
}

/** The ids of the records of each invocation, in the order the handler saw them. */
function idsOf(event: DynamoDBStreamEvent): string[] {
  return event.Records.map((record) => record.dynamodb?.Keys?.pk?.S?.replace('ITEM#', '') ?? '?')
}

describe('startStreamPoller', () => {
  it('hands inserts, changes and removals to the handler in order, shaped as Lambda delivers them', async () => {
    const table = await createTestTable()
    const seen: DynamoDBStreamEvent['Records'] = []
    const poller = poll(table, {
      handler: async (event) => {
        seen.push(...event.Records)
      },
    })
    const startedAt = Math.floor(Date.now() / 1000)
    const key = { pk: 'ITEM#1', sk: 'A' }
    await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...key, status: 'new' } }))
    await table.doc.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: key,
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'sent' },
      }),
    )
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: key }))
    await poller.drain()

    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }))
    const common = {
      eventID: expect.any(String),
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-2',
      eventSourceARN: Table?.LatestStreamArn,
    }
    const stream = {
      Keys: { pk: { S: 'ITEM#1' }, sk: { S: 'A' } },
      SequenceNumber: expect.stringMatching(/^\d+$/),
      SizeBytes: expect.any(Number),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      ApproximateCreationDateTime: expect.any(Number),
    }
    const newItem = { pk: { S: 'ITEM#1' }, sk: { S: 'A' }, status: { S: 'new' } }
    const sentItem = { pk: { S: 'ITEM#1' }, sk: { S: 'A' }, status: { S: 'sent' } }
    expect(seen).toEqual([
      { ...common, eventName: 'INSERT', dynamodb: { ...stream, NewImage: newItem } },
      { ...common, eventName: 'MODIFY', dynamodb: { ...stream, NewImage: sentItem, OldImage: newItem } },
      { ...common, eventName: 'REMOVE', dynamodb: { ...stream, OldImage: sentItem } },
    ])
    // Epoch seconds; DynamoDB Local rounds the creation time down to the minute.
    const created = seen.map((record) => record.dynamodb?.ApproximateCreationDateTime ?? 0)
    expect(created.every((s) => s > startedAt - 61 && s <= startedAt + 60)).toBe(true)
    const sequence = seen.map((record) => BigInt(record.dynamodb?.SequenceNumber ?? 0))
    expect(sequence).toEqual([...sequence].sort((a, b) => (a < b ? -1 : 1)))
  })

  it('gives binary attributes to the handler as base64, as Lambda does', async () => {
    const table = await createTestTable()
    const seen: DynamoDBStreamEvent['Records'] = []
    const poller = poll(table, {
      handler: async (event) => {
        seen.push(...event.Records)
      },
    })
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: 'ITEM#1', sk: 'A', blob: new Uint8Array([1, 2, 255]), list: [new Uint8Array([7])] },
      }),
    )
    await poller.drain()

    expect(seen[0]?.dynamodb?.NewImage).toMatchObject({ blob: { B: 'AQL/' }, list: { L: [{ B: 'Bw==' }] } })
  })

  it('splits the stream into batches of at most batchSize records', async () => {
    const table = await createTestTable()
    await putItems(table, ['1', '2', '3', '4', '5'])
    const batches: string[][] = []
    const poller = poll(table, {
      batchSize: 2,
      handler: async (event) => {
        batches.push(idsOf(event))
      },
    })
    await poller.drain()

    expect(batches).toEqual([['1', '2'], ['3', '4'], ['5']])
  })

  it('redelivers a reported failed record with the ones after it, losing and reordering nothing', async () => {
    const table = await createTestTable()
    await putItems(table, ['1', '2', '3', '4', '5'])
    const batches: string[][] = []
    const handled: string[] = []
    let failedOnce = false
    const poller = poll(table, {
      handler: async (event): Promise<DynamoDBBatchResponse> => {
        batches.push(idsOf(event))
        for (const record of event.Records) {
          const id = idsOf({ Records: [record] })[0] ?? '?'
          if (id === '3' && !failedOnce) {
            failedOnce = true
            return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] }
          }
          handled.push(id)
        }
        return { batchItemFailures: [] }
      },
    })
    await poller.drain()

    expect(batches).toEqual([
      ['1', '2', '3', '4', '5'],
      ['3', '4', '5'],
    ])
    expect(handled).toEqual(['1', '2', '3', '4', '5'])
  })

  it('retries from the earliest record when several are reported failed', async () => {
    const table = await createTestTable()
    await putItems(table, ['1', '2', '3', '4'])
    const batches: string[][] = []
    const poller = poll(table, {
      handler: async (event) => {
        batches.push(idsOf(event))
        if (batches.length > 1) return
        const [, second, , fourth] = event.Records
        return {
          batchItemFailures: [fourth, second].map((record) => ({
            itemIdentifier: record?.dynamodb?.SequenceNumber ?? '',
          })),
        }
      },
    })
    await poller.drain()

    expect(batches).toEqual([
      ['1', '2', '3', '4'],
      ['2', '3', '4'],
    ])
  })

  it.each([
    ['throws', () => Promise.reject(new Error('SES is down'))],
    [
      'reports a record that is not in the batch',
      () => Promise.resolve({ batchItemFailures: [{ itemIdentifier: 'nope' }] }),
    ],
  ])('retries the whole batch when the handler %s, and tells onError', async (_, firstAnswer) => {
    const table = await createTestTable()
    await putItems(table, ['1', '2'])
    const batches: string[][] = []
    const errors: unknown[] = []
    const poller = poll(table, {
      onError: (error) => errors.push(error),
      handler: async (event) => {
        batches.push(idsOf(event))
        if (batches.length === 1) return firstAnswer()
      },
    })
    await poller.drain()

    expect(batches).toEqual([
      ['1', '2'],
      ['1', '2'],
    ])
    expect(errors).toHaveLength(1)
  })

  it('gives up on a record still failing after maxRetries retries, as Lambda does, and goes on with the rest', async () => {
    const table = await createTestTable()
    await putItems(table, ['1', '2', '3'])
    const batches: string[][] = []
    const errors: unknown[] = []
    const poller = poll(table, {
      maxRetries: 2,
      onError: (error) => errors.push(error),
      handler: async (event): Promise<DynamoDBBatchResponse> => {
        batches.push(idsOf(event))
        const broken = event.Records.find((record) => idsOf({ Records: [record] })[0] === '2')
        return {
          batchItemFailures: broken ? [{ itemIdentifier: broken.dynamodb?.SequenceNumber ?? '' }] : [],
        }
      },
    })
    await poller.drain()

    // The first try and two retries of record 2, then the rest.
    expect(batches).toEqual([['1', '2', '3'], ['2', '3'], ['2', '3'], ['3']])
    expect(String(errors.at(-1))).toMatch(/gave up on record \d+ after 2 retries/)
  })

  it('drain() resolves only after every record written before the call has been handled', async () => {
    const table = await createTestTable()
    const handled: string[] = []
    const poller = poll(table, {
      pollIntervalMs: 300,
      // One record per invocation, so draining takes several rounds of reading and handling.
      batchSize: 1,
      handler: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 50))
        handled.push(...idsOf(event))
      },
    })
    await putItems(table, ['1', '2', '3'])
    await poller.drain()
    expect(handled).toEqual(['1', '2', '3'])

    await putItems(table, ['4'])
    await poller.drain()
    expect(handled).toEqual(['1', '2', '3', '4'])
  })

  it('drain() fails with a clear message when a record keeps failing', async () => {
    const table = await createTestTable()
    await putItems(table, ['1'])
    const poller = poll(table, { handler: () => Promise.reject(new Error('always broken')) })

    await expect(poller.drain(400)).rejects.toThrow(
      /did not drain within 400 ms \(last error: always broken\)/,
    )
  })

  it('stops cleanly and refuses to drain afterwards', async () => {
    const table = await createTestTable()
    const poller = poll(table, { handler: async () => {} })
    await poller.stop()

    await expect(poller.drain()).rejects.toThrow(/stopped/)
  })
})
