import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { emptyRegisterPart } from '@ey/domain'
import { createDynamoRegisterRepository, createDynamoSessionStore } from '@ey/dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { makeSession } from '../support/factories.ts'

describe('DynamoDB register repository', () => {
  let table: TestTable
  let registers: ReturnType<typeof createDynamoRegisterRepository>

  beforeAll(async () => {
    table = await createTestTable()
    registers = createDynamoRegisterRepository(table)
  })

  it('refuses a write based on a version another write has moved past', async () => {
    const fresh = emptyRegisterPart('s-1', 0)
    expect(await registers.saveRegisterPart({ ...fresh, entries: { b1: { mark: 'present' } } })).toBe(true)
    expect(await registers.saveRegisterPart({ ...fresh, entries: { b1: { mark: 'absent' } } })).toBe(false)
    const stored = await registers.getRegisterPart('s-1', 0)
    expect(stored).toMatchObject({ version: 1, entries: { b1: { mark: 'present' } } })
    expect(await registers.saveRegisterPart({ ...(stored ?? fresh), walkIns: [] })).toBe(true)
    expect((await registers.registerParts('s-1')).map((part) => part.version)).toEqual([2])
  })

  it('lists a trainer’s sessions by start, following changes of the trainers assigned', async () => {
    const later = makeSession({ id: 'later', startsAt: '2026-04-01T16:00:00Z', trainerIds: ['amira', 'ben'] })
    await storeSessions(
      table,
      later,
      makeSession({ id: 'sooner', startsAt: '2026-03-20T16:00:00Z', trainerIds: ['amira'] }),
    )
    expect((await registers.trainerSessions('amira')).map((s) => s.id)).toEqual(['sooner', 'later'])
    expect((await registers.trainerSessions('ben')).map((s) => s.id)).toEqual(['later'])
    await createDynamoSessionStore(table).saveSession({ ...later, trainerIds: ['chloe'] }, 'published')
    expect((await registers.trainerSessions('chloe')).map((s) => s.id)).toEqual(['later'])
    expect(await registers.trainerSessions('ben')).toEqual([])
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
