import { randomUUID } from 'node:crypto'
import { ALERT_RETENTION_DAYS, createDynamoInterestAlertStore, keys, ttlAfterDays } from '@ey/dynamodb'
import { GetCommand, QueryCommand } from '@ey/dynamodb/client'
import { describe, expect, it } from 'vitest'
import { describeAlertStoreContract } from '../support/alert-store-contract.ts'
import { createTestTable } from '../support/dynamo.ts'
import { makeAlert } from '../support/factories.ts'

// The same contract as the in-memory fake, on DynamoDB Local: the counts move in the transaction
// of each create, re-ask, close and stop, and races keep one open alert per address and course.
const table = createTestTable()

describeAlertStoreContract(
  'the DynamoDB alert store',
  async () => createDynamoInterestAlertStore(await table),
  {
    numRuns: 15,
  },
)

describe('the stored interest alert items', () => {
  it('never put the address in a key, and are removed 30 days after they close', async () => {
    const { doc, tableName } = await table
    const store = createDynamoInterestAlertStore({ doc, tableName })
    const courseId = `course-${randomUUID()}`
    const email = `${randomUUID()}@example.org`
    const open = await store.openAlert(
      makeAlert({ id: `a-${randomUUID()}`, courseId, email, emailKey: email }),
    )
    const closedAt = new Date('2026-03-10T12:00:00.000Z')
    await store.closeAlert(open.id, { sessionId: 's-1', at: closedAt })

    const { Items: items = [] } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `COURSE#${courseId}` },
      }),
    )
    const { Item: alert } = await doc.send(
      new GetCommand({ TableName: tableName, Key: keys.interestAlert(open.id) }),
    )
    for (const item of [...items, alert]) {
      const keyText = JSON.stringify(Object.entries(item ?? {}).filter(([name]) => /pk|sk/i.test(name)))
      expect(keyText).not.toContain(email)
    }
    expect(alert).toMatchObject({ expiresAt: ttlAfterDays(ALERT_RETENTION_DAYS, closedAt) })
    expect(alert).not.toHaveProperty('gsi1pk')
    expect(items.map((item) => item.sk)).toEqual([expect.stringMatching(/^ALERT_COUNT#/)])
  })
})
