import { createHash, createHmac } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import * as sdk from '@aws-sdk/lib-dynamodb'
import { signRequest } from '@ey/aws-http'
import {
  BatchGetCommand,
  BatchWriteCommand,
  ConditionalCheckFailedException,
  DocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  TransactionCanceledException,
  TransactWriteCommand,
  UpdateCommand,
} from '@ey/dynamodb/client'
import { SignatureV4 } from '@smithy/signature-v4'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestTable, localDynamoConfig, type TestTable } from '../support/dynamo.ts'
import { type ScriptedAnswer, scriptedAws } from '../support/scripted-aws.ts'

/** The hash AWS's signer is given: node's, behind the interface it expects. */
class Sha256 {
  readonly #hash
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#hash =
      secret === undefined ? createHash('sha256') : createHmac('sha256', secret as string | Uint8Array)
  }
  update(data: string | Uint8Array): void {
    this.#hash.update(data)
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest())
  }
}

describe('the document client’s signature', () => {
  it('is the one AWS’s own Signature Version 4 signer gives the same request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/),
          secretAccessKey: fc.stringMatching(/^[A-Za-z0-9/+]{30,40}$/),
          sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9/+=]{20,80}$/), { nil: undefined }),
        }),
        fc.constantFrom('eu-west-2', 'us-east-1', 'ap-southeast-2'),
        fc.constantFrom('dynamodb.eu-west-2.amazonaws.com', '127.0.0.1:8000', 'localhost:41234'),
        fc.constantFrom('GetItem', 'TransactWriteItems', 'Query'),
        fc.json(),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        async (credentials, region, host, operation, body, at) => {
          const headers = {
            'content-type': 'application/x-amz-json-1.0',
            'x-amz-target': `DynamoDB_20120810.${operation}`,
          }
          const ours = signRequest(
            { method: 'POST', host, path: '/', headers, body },
            credentials,
            { region, service: 'dynamodb' },
            at,
          )
          const [hostname, port] = host.split(':')
          const theirs = await new SignatureV4({
            credentials,
            region,
            service: 'dynamodb',
            sha256: Sha256,
            applyChecksum: false,
          }).sign(
            {
              method: 'POST',
              protocol: 'https:',
              hostname: hostname as string,
              ...(port ? { port: Number(port) } : {}),
              path: '/',
              query: {},
              headers: { ...headers, host },
              body,
            },
            { signingDate: at },
          )
          expect(ours.authorization).toBe(theirs.headers.authorization)
          expect(ours['x-amz-date']).toBe(theirs.headers['x-amz-date'])
          expect(ours['x-amz-security-token']).toBe(theirs.headers['x-amz-security-token'])
        },
      ),
      { numRuns: 200 },
    )
  })
})

/** The document client on a scripted stand-in for DynamoDB; `received` holds each request's JSON body. */
async function scriptedDynamo(answers: ScriptedAnswer[]) {
  const stand = await scriptedAws(answers)
  const client = new DocumentClient({
    endpoint: stand.endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  })
  return {
    client,
    get received() {
      return stand.received.map((r) => ({
        headers: r.headers,
        body: JSON.parse(r.body) as Record<string, unknown>,
      }))
    },
    close: () => {
      client.destroy()
      return stand.close()
    },
  }
}

const error = (type: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    __type: `com.amazonaws.dynamodb.v20120810#${type}`,
    message: `${type} happened`,
    ...fields,
  })
const THROTTLED = { status: 400, body: error('ThrottlingException') }

describe('the document client when DynamoDB refuses', () => {
  let stand: Awaited<ReturnType<typeof scriptedDynamo>> | undefined
  beforeAll(() => {
    // The waits between attempts: none, so the tests take no time.
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterAll(() => vi.mocked(Math.random).mockRestore())
  afterEach(async () => {
    await stand?.close()
    stand = undefined
  })

  it('tries a throttled call again, up to 3 attempts, and answers the item as plain values', async () => {
    stand = await scriptedDynamo([
      THROTTLED,
      THROTTLED,
      { status: 200, body: '{"Item":{"pk":{"S":"a"},"n":{"N":"2"}}}' },
    ])

    const answer = await stand.client.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }))

    expect(answer.Item).toEqual({ pk: 'a', n: 2 })
    expect(answer.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 3, requestId: 'r3' })
    expect(stand.received.map((r) => r.body)).toEqual([
      { TableName: 't', Key: { pk: { S: 'a' } } },
      { TableName: 't', Key: { pk: { S: 'a' } } },
      { TableName: 't', Key: { pk: { S: 'a' } } },
    ])
    expect(stand.received[0]?.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem')
    expect(stand.received[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    )
  })

  it.each([
    ['throttling', THROTTLED, 30],
    ['DynamoDB’s own failure', { status: 500, body: error('InternalServerError') }, 1.5],
  ])(
    'waits between attempts as AWS’s SDK does after %s (a random fraction of 1 s or 50 ms, doubling)',
    async (_what, failure, waited) => {
      vi.mocked(Math.random).mockReturnValue(0.01)
      stand = await scriptedDynamo([failure, failure, { status: 200, body: '{}' }])

      const answer = await stand.client.send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }))

      vi.mocked(Math.random).mockReturnValue(0)
      expect(answer.$metadata.attempts).toBe(3)
      expect(answer.$metadata.totalRetryDelay).toBeCloseTo(waited)
    },
  )

  it('gives up after the third throttled attempt with DynamoDB’s error', async () => {
    stand = await scriptedDynamo([THROTTLED])

    const failure = await stand.client
      .send(new GetCommand({ TableName: 't', Key: { pk: 'a' } }))
      .catch((e: unknown) => e)

    expect(failure).toMatchObject({
      name: 'ThrottlingException',
      message: 'ThrottlingException happened',
      $fault: 'client',
    })
    expect((failure as { $metadata: unknown }).$metadata).toMatchObject({ attempts: 3, httpStatusCode: 400 })
    expect(stand.received).toHaveLength(3)
  })

  it('retries a transaction under one client request token of its own, so DynamoDB applies it once', async () => {
    stand = await scriptedDynamo([
      { status: 500, body: '<html>busy</html>' },
      { status: 200, body: '{}' },
    ])

    await stand.client.send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't', Item: { pk: 'a' } } }] }),
    )

    const tokens = stand.received.map((r) => r.body.ClientRequestToken)
    expect(tokens).toHaveLength(2)
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(tokens[1]).toBe(tokens[0])
    expect(stand.received[0]?.body.TransactItems).toEqual([
      { Put: { TableName: 't', Item: { pk: { S: 'a' } } } },
    ])
  })

  it('does not try a refused request again', async () => {
    stand = await scriptedDynamo([{ status: 400, body: error('ValidationException') }])

    const failure = await stand.client
      .send(new PutCommand({ TableName: 't', Item: { pk: 'a' } }))
      .catch((e: unknown) => e)

    expect(failure).toMatchObject({ name: 'ValidationException', message: 'ValidationException happened' })
    expect(stand.received).toHaveLength(1)
  })

  it('gives a failed condition and a cancelled transaction as their own classes, with DynamoDB’s reasons', async () => {
    stand = await scriptedDynamo([
      { status: 400, body: error('ConditionalCheckFailedException', { Item: { pk: { S: 'a' } } }) },
      {
        status: 400,
        body: error('TransactionCanceledException', {
          CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
        }),
      },
    ])

    const condition = await stand.client
      .send(new PutCommand({ TableName: 't', Item: { pk: 'a' } }))
      .catch((e: unknown) => e)
    const cancelled = await stand.client
      .send(new TransactWriteCommand({ TransactItems: [], ClientRequestToken: 'mine' }))
      .catch((e: unknown) => e)

    expect(condition).toBeInstanceOf(ConditionalCheckFailedException)
    expect((condition as ConditionalCheckFailedException).Item).toEqual({ pk: { S: 'a' } })
    expect(cancelled).toBeInstanceOf(TransactionCanceledException)
    expect((cancelled as TransactionCanceledException).CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed' },
    ])
    expect(stand.received[1]?.body.ClientRequestToken).toBe('mine')
  })
})

/** Values DynamoDB keeps as they are: no empty sets or binaries, and fractions it can store (not 5e-324, say). */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.integer().map((n) => n / 1024),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie('value'), { maxKeys: 3 }),
    fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 3 }).map((list) => new Set(list)),
    fc.uint8Array({ minLength: 1, maxLength: 8 }),
  ),
})).value

describe('the document client against DynamoDB Local, beside AWS’s own document client', () => {
  let table: TestTable
  let theirs: sdk.DynamoDBDocumentClient
  beforeAll(async () => {
    table = await createTestTable()
    theirs = sdk.DynamoDBDocumentClient.from(new DynamoDBClient(localDynamoConfig()), {
      marshallOptions: { removeUndefinedValues: true },
    })
  })

  it('writes what AWS’s client reads, and reads what it writes, value for value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), value, { maxKeys: 6 }),
        async (fields) => {
          const item = { ...fields, pk: 'PROPERTY', sk: 'ITEM', left: undefined }
          await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }))
          const read = await theirs.send(
            new sdk.GetCommand({ TableName: table.tableName, Key: { pk: 'PROPERTY', sk: 'ITEM' } }),
          )
          await theirs.send(
            new sdk.PutCommand({ TableName: table.tableName, Item: { ...item, sk: 'THEIRS' } }),
          )
          const ours = await table.doc.send(
            new GetCommand({ TableName: table.tableName, Key: { pk: 'PROPERTY', sk: 'THEIRS' } }),
          )

          const { left: _left, ...kept } = item
          expect(read.Item).toEqual(kept)
          expect(ours.Item).toEqual({ ...kept, sk: 'THEIRS' })
        },
      ),
      { numRuns: 15 },
    )
  })

  it('answers updates, pages, batches and a cancelled transaction as AWS’s client does', async () => {
    const TableName = table.tableName
    const items = Array.from({ length: 5 }, (_, n) => ({
      pk: 'PAGES',
      sk: `S#${n}`,
      n,
      tags: new Set([`t${n}`]),
    }))
    await table.doc.send(
      new BatchWriteCommand({
        RequestItems: { [TableName]: items.map((Item) => ({ PutRequest: { Item } })) },
      }),
    )
    const query = {
      TableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'PAGES' },
      Limit: 2,
    }

    const ourPages = []
    for await (const page of paginateQuery({ client: table.doc }, query))
      ourPages.push([page.Items, page.LastEvaluatedKey])
    const theirPages = []
    for await (const page of sdk.paginateQuery({ client: theirs }, query))
      theirPages.push([page.Items, page.LastEvaluatedKey])
    expect(ourPages).toEqual(theirPages)
    expect(ourPages.flatMap(([pageItems]) => pageItems)).toEqual(items)

    const keys = items.map(({ pk, sk }) => ({ pk, sk }))
    const batch = { RequestItems: { [TableName]: { Keys: keys, ConsistentRead: true } } }
    const ourBatch = await table.doc.send(new BatchGetCommand(batch))
    const theirBatch = await theirs.send(new sdk.BatchGetCommand(batch))
    const bySk = (list: Record<string, unknown>[] = []) =>
      [...list].sort((a, b) => String(a.sk).localeCompare(String(b.sk)))
    expect(bySk(ourBatch.Responses?.[TableName])).toEqual(bySk(theirBatch.Responses?.[TableName]))
    expect(bySk(ourBatch.Responses?.[TableName])).toEqual(items)

    const update = (sk: string) => ({
      TableName,
      Key: { pk: 'PAGES', sk },
      UpdateExpression: 'SET n = n + :one, note = :note',
      ExpressionAttributeValues: { ':one': 1, ':note': { at: ['x', 2] } },
      ReturnValues: 'ALL_NEW' as const,
    })
    expect((await table.doc.send(new UpdateCommand(update('S#0')))).Attributes).toEqual({
      ...items[0],
      n: 1,
      note: { at: ['x', 2] },
    })
    expect((await theirs.send(new sdk.UpdateCommand(update('S#1')))).Attributes).toEqual({
      ...items[1],
      n: 2,
      note: { at: ['x', 2] },
    })

    const transaction = {
      TransactItems: [
        { Put: { TableName, Item: { pk: 'PAGES', sk: 'S#9' } } },
        {
          Update: {
            TableName,
            Key: { pk: 'PAGES', sk: 'S#2' },
            UpdateExpression: 'SET n = :n',
            ConditionExpression: 'n > :n',
            ExpressionAttributeValues: { ':n': 5 },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
          },
        },
      ],
    }
    const ourCancel = await table.doc.send(new TransactWriteCommand(transaction)).catch((e: unknown) => e)
    const theirCancel = await theirs.send(new sdk.TransactWriteCommand(transaction)).catch((e: unknown) => e)
    expect(ourCancel).toBeInstanceOf(TransactionCanceledException)
    expect((ourCancel as Error).message).toBe((theirCancel as Error).message)
    expect((ourCancel as TransactionCanceledException).CancellationReasons).toEqual(
      (theirCancel as TransactionCanceledException).CancellationReasons,
    )
    expect(
      (
        await table.doc.send(
          new GetCommand({ TableName, Key: { pk: 'PAGES', sk: 'S#9' }, ConsistentRead: true }),
        )
      ).Item,
    ).toBeUndefined()
  })
})
