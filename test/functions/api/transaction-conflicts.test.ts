import { createDynamoBookingRepository, keys, sessionItem } from '@ey/dynamodb'
import {
  DocumentClient,
  GetCommand,
  TransactionCanceledException,
  TransactWriteCommand,
} from '@ey/dynamodb/client'
import { afterEach, describe, expect, it } from 'vitest'
import { DAY, makeSession, NOW } from '../../support/factories.ts'
import { scriptedSends } from '../../support/scripted-sends.ts'
import { book, createTestApi } from './support.ts'

const doc = new DocumentClient({ region: 'eu-west-2' })
const ddb = scriptedSends(doc)

function conflict(): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled [TransactionConflict, None, None, None, None]',
    $metadata: {},
    CancellationReasons: [
      { Code: 'TransactionConflict' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
    ],
  })
}

/** DynamoDB's throttling, as the SDK throws it once its own retries are spent. */
function throttled(name = 'ThrottlingException'): Error {
  return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), { name })
}

/** A transaction cancelled because one of its items was throttled. */
function throttledItem(): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled [None, ThrottlingError, None, None, None]',
    $metadata: {},
    CancellationReasons: [
      { Code: 'None' },
      { Code: 'ThrottlingError' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
    ],
  })
}

/** The API on a booking repository whose DynamoDB client is mocked, to raise conflicts DynamoDB Local never does. */
async function apiWithConflicts(conflicts: number | 'always', failure: () => Error = conflict) {
  const session = makeSession({ id: 'contested', startsAt: new Date(NOW.getTime() + 7 * DAY) })
  ddb.on(GetCommand, { Key: keys.session('contested') }).resolves({ Item: sessionItem.to(session) })
  const sends = ddb.on(TransactWriteCommand)
  if (conflicts === 'always') sends.rejects(failure())
  else {
    for (let i = 0; i < conflicts; i++) sends.rejectsOnce(failure())
    sends.resolves({})
  }
  const bookings = createDynamoBookingRepository({
    doc,
    tableName: 'mocked',
    retry: { maxAttempts: 4, baseDelayMs: 2 },
  })
  return (await createTestApi({ bookings })).app
}

describe('POST /api/sessions/{id}/bookings under transaction conflicts', () => {
  afterEach(() => ddb.reset())

  it.each([1, 2, 3])('books the place after %i conflicts, writing it exactly once', async (conflicts) => {
    const app = await apiWithConflicts(conflicts)

    const res = await book(app, 'contested')

    expect(res.status).toBe(202)
    expect(await res.json()).toMatchObject({ sessionId: 'contested' })
    const writes = ddb.calls(TransactWriteCommand)
    expect(writes).toHaveLength(conflicts + 1)
    expect(new Set(writes.map((w) => w.input.TransactItems?.[2]?.Put?.Item?.id)).size).toBe(1)
  })

  it('answers 503 problem+json with Retry-After after the fourth conflict, and no booking was written', async () => {
    const app = await apiWithConflicts('always')

    const res = await book(app, 'contested')

    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await res.json()).toMatchObject({ code: 'service-busy' })
    expect(ddb.calls(TransactWriteCommand)).toHaveLength(4)
  })
})

describe('POST /api/sessions/{id}/bookings when DynamoDB throttles', () => {
  afterEach(() => ddb.reset())

  it.each([
    ['ThrottlingException', () => throttled()],
    ['ProvisionedThroughputExceededException', () => throttled('ProvisionedThroughputExceededException')],
    ['a ThrottlingError cancellation reason', throttledItem],
  ])('books the place when %s clears on a retry, writing it once', async (_kind, failure) => {
    const app = await apiWithConflicts(2, failure)

    const res = await book(app, 'contested')

    expect(res.status).toBe(202)
    expect(ddb.calls(TransactWriteCommand)).toHaveLength(3)
  })

  it('answers 503 problem+json with Retry-After, not 500, when the transaction stays throttled', async () => {
    const app = await apiWithConflicts('always', () => throttled('ProvisionedThroughputExceededException'))

    const res = await book(app, 'contested')

    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await res.json()).toMatchObject({ code: 'service-busy' })
    expect(ddb.calls(TransactWriteCommand)).toHaveLength(4)
  })

  it('answers 503 problem+json with Retry-After when a read is throttled', async () => {
    ddb.on(GetCommand).rejects(throttled())
    const bookings = createDynamoBookingRepository({ doc, tableName: 'mocked' })
    const { app } = await createTestApi({ bookings })

    const res = await book(app, 'contested')

    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.headers.get('retry-after')).toBe('1')
    expect(ddb.calls(TransactWriteCommand)).toHaveLength(0)
  })
})
