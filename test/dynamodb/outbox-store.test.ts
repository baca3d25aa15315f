import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { createOutboxStore, keys } from '@ey/dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../support/dynamo.ts'
import { NOW } from '../support/factories.ts'

describe('the DynamoDB outbox store', () => {
  let table: TestTable
  let outbox: ReturnType<typeof createOutboxStore>

  beforeAll(async () => {
    table = await createTestTable()
    outbox = createOutboxStore({ doc: table.doc, tableName: table.tableName })
  })

  it('queues an email once per id', async () => {
    const message = {
      id: 'bookings-list-test-1',
      kind: 'bookings-list' as const,
      bookingId: 'b1',
      createdAt: NOW.toISOString(),
    }
    expect(await outbox.enqueue(message)).toBe(true)
    expect(await outbox.enqueue({ ...message, bookingId: 'b2' })).toBe(false)
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.outbox(message.id) }),
    )
    expect(Item).toMatchObject({ kind: 'bookings-list', bookingId: 'b1', status: 'pending' })
  })
})
