import { emptyRegisterPart } from '@ey/domain'
import { createDynamoRegisterRepository, createDynamoSessionStore } from '@ey/dynamodb'
import { PutCommand, QueryCommand } from '@ey/dynamodb/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { makeSession } from '../support/factories.ts'
import { describeRegisterContract } from '../support/register-contract.ts'

describeRegisterContract('DynamoDB register repository (contract)', async () =>
  createDynamoRegisterRepository(await sharedTable()),
)

let shared: Promise<TestTable> | undefined
function sharedTable(): Promise<TestTable> {
  shared ??= createTestTable()
  return shared
}

describe('DynamoDB register repository', () => {
  let table: TestTable
  let registers: ReturnType<typeof createDynamoRegisterRepository>

  beforeAll(async () => {
    table = await createTestTable()
    registers = createDynamoRegisterRepository(table)
  })

  it('reads a register written before the split into items beneath the items written since', async () => {
    const legacy = {
      ...emptyRegisterPart('s-old', 0),
      entries: { b1: { mark: 'present' as const }, b2: { mark: 'absent' as const } },
      walkIns: [{ id: 'walk-1', name: 'Grace Hopper' }],
      audit: [
        { at: '2026-03-16T17:00:00.000Z', by: 'amira', key: 'k1', action: 'mark' as const, subject: 'b1' },
      ],
      code: { value: '123456', expiresAt: '2026-03-16T17:15:00.000Z' },
      version: 3,
    }
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { pk: 'SESSION#s-old', sk: 'ATTENDANCE#00', type: 'register-part', ...legacy },
      }),
    )
    const slice = await registers.registerSlice('s-old', 0, { subjects: ['b2'], keys: ['k1', 'k2'] })
    expect(slice.register).toMatchObject({
      entries: { b2: { mark: 'absent' } },
      code: legacy.code,
      walkIns: [],
    })
    expect(slice.register.audit.map((entry) => entry.key)).toEqual(['k1'])
    const late = {
      at: '2026-03-16T17:10:00.000Z',
      by: 'amira',
      key: 'k2',
      action: 'mark' as const,
      subject: 'b2',
    }
    expect(
      await registers.writeRegister({
        sessionId: 's-old',
        part: 0,
        lines: [{ subject: 'b2', entry: { mark: 'late' }, version: 0 }],
        walkIns: [],
        audit: [late],
      }),
    ).toBe(true)
    const [part] = await registers.registerParts('s-old')
    expect(part).toMatchObject({
      entries: { b1: { mark: 'present' }, b2: { mark: 'late' } },
      walkIns: legacy.walkIns,
      audit: [...legacy.audit, late],
      code: legacy.code,
    })
    expect(await registers.getRegisterPart('s-old', 0)).toEqual(part)
  })

  it('lists a trainer’s sessions by start, in the range asked for, following changes of the trainers assigned', async () => {
    const SPRING = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-05-01T00:00:00Z') }
    const later = makeSession({ id: 'later', startsAt: '2026-04-01T16:00:00Z', trainerIds: ['amira', 'ben'] })
    await storeSessions(
      table,
      later,
      makeSession({ id: 'sooner', startsAt: '2026-03-20T16:00:00Z', trainerIds: ['amira'] }),
    )
    expect((await registers.trainerSessions('amira', SPRING)).map((s) => s.id)).toEqual(['sooner', 'later'])
    expect((await registers.trainerSessions('ben', SPRING)).map((s) => s.id)).toEqual(['later'])
    await createDynamoSessionStore(table).saveSession({ ...later, trainerIds: ['chloe'] }, 'published')
    expect((await registers.trainerSessions('chloe', SPRING)).map((s) => s.id)).toEqual(['later'])
    expect(await registers.trainerSessions('ben', SPRING)).toEqual([])
    // Only starts in [from, to): the range ends the instant the later one starts.
    const untilLater = { from: SPRING.from, to: new Date('2026-04-01T16:00:00Z') }
    expect((await registers.trainerSessions('amira', untilLater)).map((s) => s.id)).toEqual(['sooner'])
    const index = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'TRAINER#ben' },
      }),
    )
    expect(index.Items).toEqual([])
  })
})
