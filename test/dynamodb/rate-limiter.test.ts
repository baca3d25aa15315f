import { minuteWindow } from '@ey/domain'
import { createDynamoRateLimiter, keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../support/dynamo.ts'

describe('the DynamoDB rate limiter', () => {
  let table: TestTable

  beforeAll(async () => {
    table = await createTestTable()
  })

  const stored = async (key: string) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.rateWindow(key), ConsistentRead: true }),
      )
    ).Item

  it('admits exactly the limit of 60 simultaneous requests, and forgets the window by TTL', async () => {
    const limiter = createDynamoRateLimiter(table)
    const window = minuteWindow('booking-address', 'burst', 20, new Date('2026-03-02T09:00:30Z'))

    const answers = await Promise.all(Array.from({ length: 60 }, () => limiter.take(window)))

    expect(answers.filter(Boolean)).toHaveLength(20)
    const item = await stored(window.key)
    expect(item).toMatchObject({ count: 20, type: 'rate-window' })
    expect(item?.expiresAt).toBe(Date.parse('2026-03-02T09:01:00Z') / 1000 + 60)
  })

  it('takes one again after one is given back, and never counts below zero', async () => {
    const limiter = createDynamoRateLimiter(table)
    const window = minuteWindow('booking-email', 'give-back', 1, new Date('2026-03-02T09:00:00Z'))

    expect(await limiter.take(window)).toBe(true)
    expect(await limiter.take(window)).toBe(false)
    await limiter.giveBack(window)
    await limiter.giveBack(window)
    expect((await stored(window.key))?.count).toBe(0)
    expect(await limiter.take(window)).toBe(true)
    expect(await limiter.take(window)).toBe(false)
  })
})
