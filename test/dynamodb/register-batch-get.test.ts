import { RepositoryError } from '@ey/domain'
import { createDynamoRegisterRepository, keys, sessionItem } from '@ey/dynamodb'
import { BatchGetCommand, DocumentClient, QueryCommand } from '@ey/dynamodb/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeSession } from '../support/factories.ts'
import { scriptedSends } from '../support/scripted-sends.ts'

// DynamoDB Local never leaves keys unprocessed, so this path is tried against a mocked client.
const doc = new DocumentClient({ region: 'eu-west-2' })
const ddb = scriptedSends(doc)
const registers = createDynamoRegisterRepository({
  doc,
  tableName: 't',
  retry: { maxAttempts: 3, baseDelayMs: 100 },
})

const sooner = makeSession({ id: 'sooner', startsAt: '2026-03-20T16:00:00Z', trainerIds: ['amira'] })
const later = makeSession({ id: 'later', startsAt: '2026-04-01T16:00:00Z', trainerIds: ['amira'] })
const batchGet = (ids: string[]) => ({ RequestItems: { t: { Keys: ids.map((id) => keys.session(id)) } } })
const unprocessed = (ids: string[]) => ({ t: { Keys: ids.map((id) => keys.session(id)) } })

describe('a trainer’s sessions when BatchGet leaves keys unprocessed', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // Full jitter waits a random fraction of the bound: half of it here, so each wait is known.
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    ddb.on(QueryCommand).resolves({ Items: [{ sessionId: 'sooner' }, { sessionId: 'later' }] })
  })

  afterEach(() => {
    ddb.reset()
    vi.useRealTimers()
    vi.mocked(Math.random).mockRestore()
  })

  it('asks again for only the unprocessed keys after a backoff, and answers every session', async () => {
    ddb
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { t: [sessionItem.to(later)] }, UnprocessedKeys: unprocessed(['sooner']) })
      .resolvesOnce({ Responses: { t: [sessionItem.to(sooner)] } })

    const answer = registers.trainerSessions('amira', { from: new Date(0), to: new Date('2100-01-01') })
    await vi.advanceTimersByTimeAsync(49)
    expect(ddb.calls(BatchGetCommand)).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)

    expect((await answer).map((session) => session.id)).toEqual(['sooner', 'later'])
    expect(ddb.calls(BatchGetCommand).map((call) => call.input)).toEqual([
      batchGet(['sooner', 'later']),
      batchGet(['sooner']),
    ])
  })

  it('gives up after the policy’s attempts, with backoffs growing between them, as a repository error', async () => {
    ddb
      .on(BatchGetCommand)
      .resolves({ Responses: { t: [sessionItem.to(later)] }, UnprocessedKeys: unprocessed(['sooner']) })
    const started = Date.now()

    const failure = expect(
      registers.trainerSessions('amira', { from: new Date(0), to: new Date('2100-01-01') }),
    ).rejects.toThrow(
      expect.objectContaining({
        constructor: RepositoryError,
        message: 'BatchGet left keys unprocessed',
        cause: new Error('1 of 2 keys unprocessed after 3 attempts'),
      }),
    )
    await vi.runAllTimersAsync()
    await failure

    expect(ddb.calls(BatchGetCommand).map((call) => call.input)).toEqual([
      batchGet(['sooner', 'later']),
      batchGet(['sooner']),
      batchGet(['sooner']),
    ])
    // 50 ms, then 100 ms: half of 100 × 2^0 and of 100 × 2^1.
    expect(Date.now() - started).toBe(150)
  })
})
