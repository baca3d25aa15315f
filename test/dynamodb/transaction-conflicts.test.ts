import { DomainError, ServiceBusyError } from '@ey/domain'
import { createDynamoBookingRepository, createDynamoSessionStore } from '@ey/dynamodb'
import {
  DocumentClient,
  TransactionCanceledException,
  TransactWriteCommand,
  UpdateCommand,
} from '@ey/dynamodb/client'
import { afterEach, describe, expect, it } from 'vitest'
import { makeBooking, makeSession } from '../support/factories.ts'
import { scriptedSends } from '../support/scripted-sends.ts'

const doc = new DocumentClient({ region: 'eu-west-2' })
const ddb = scriptedSends(doc)

/** DynamoDB's answer when another transaction held one of the items. */
function conflict(): TransactionCanceledException {
  return new TransactionCanceledException({
    message:
      'Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict, None, None, None]',
    $metadata: {},
    CancellationReasons: [
      { Code: 'None' },
      { Code: 'TransactionConflict' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
    ],
  })
}

// A draft as the use case hands it over: the repository sets its status and history.
const booking = makeBooking({ id: 'b1', sessionId: 's1', history: [] })

const request = { booking, idempotency: { key: 'k1', fingerprint: 'f1' }, outbox: {} }
const repo = createDynamoBookingRepository({ doc, tableName: 't', retry: { maxAttempts: 4, baseDelayMs: 1 } })

describe('a booking hit by transaction conflicts', () => {
  afterEach(() => ddb.reset())

  it.each([1, 2, 3])(
    'succeeds after %i conflicts, with the same capacity condition on every attempt',
    async (conflicts) => {
      let sends = ddb.on(TransactWriteCommand)
      for (let i = 0; i < conflicts; i++) sends = sends.rejectsOnce(conflict())
      sends.resolves({})

      const result = await repo.placeBooking(request)

      expect(result.booking.status).toBe('confirmed')
      const calls = ddb.calls(TransactWriteCommand)
      expect(calls).toHaveLength(conflicts + 1)
      for (const call of calls) {
        const update = call.input.TransactItems?.[0]?.Update
        expect(update?.ConditionExpression).toBe(
          '#status = :published AND heldCount < #capacity AND waitingCount = :zero',
        )
        expect(call.input.TransactItems?.[2]?.Put?.Item?.id).toBe('b1')
      }
    },
  )

  it('gives up after 4 conflicting attempts with a service-busy error, having written nothing else', async () => {
    ddb.on(TransactWriteCommand).rejects(conflict())

    const error = await repo.placeBooking(request).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ServiceBusyError)
    expect((error as ServiceBusyError).retryAfterSeconds).toBeGreaterThan(0)
    expect(ddb.calls(TransactWriteCommand)).toHaveLength(4)
    expect(ddb.calls(UpdateCommand)).toHaveLength(0)
  })

  it('answers already-booked, not a retry, when the person lock fails its condition', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [
          { Code: 'None' },
          { Code: 'ConditionalCheckFailed' },
          { Code: 'None' },
          { Code: 'None' },
        ],
      }),
    )
    const error = await repo.placeBooking(request).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('already-booked')
    expect(ddb.calls(TransactWriteCommand)).toHaveLength(1)
  })
})

describe('a transaction outside a retry loop (sessions scheduled by an administrator)', () => {
  afterEach(() => ddb.reset())

  it.each([
    [
      'a conflict',
      () =>
        new TransactionCanceledException({
          message: 'Transaction cancelled [TransactionConflict]',
          $metadata: {},
          CancellationReasons: [{ Code: 'TransactionConflict' }],
        }),
    ],
    ['throttling', () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })],
  ])('fails with a service-busy error on %s, which the API answers 503', async (_kind, failure) => {
    ddb.on(TransactWriteCommand).rejects(failure())

    const attempt = createDynamoSessionStore({ doc, tableName: 't' }).createSessions([makeSession()])

    await expect(attempt).rejects.toBeInstanceOf(ServiceBusyError)
    await expect(attempt).rejects.toMatchObject({ code: 'service-busy', retryAfterSeconds: 1 })
  })
})
