import { randomUUID } from 'node:crypto'
import { createDynamoReminderSchedule, createDynamoSessionStore } from '@ey/dynamodb'
import { expect, it } from 'vitest'
import { createTestTable } from '../support/dynamo.ts'
import { makeSession, partAt } from '../support/factories.ts'
import { describeReminderScheduleContract } from '../support/reminder-contract.ts'

const table = createTestTable()

describeReminderScheduleContract('the DynamoDB reminder schedule', async () => {
  const { doc, tableName } = await table
  return {
    sessions: createDynamoSessionStore({ doc, tableName }),
    reminders: createDynamoReminderSchedule({ doc, tableName }),
  }
})

it("writes the deployment's default reminders for a session that sets none, and a session's own leads for one that does", async () => {
  const { doc, tableName } = await table
  const sessions = createDynamoSessionStore({ doc, tableName, defaultReminderLeadsMinutes: [1440, 30] })
  const reminders = createDynamoReminderSchedule({ doc, tableName })
  const parts = [partAt('2026-03-16T16:00:00.000Z')]
  const defaults = makeSession({ id: `s-${randomUUID()}`, parts })
  const own = makeSession({ id: `s-${randomUUID()}`, parts, reminderLeadsMinutes: [120] })
  await sessions.createSessions([defaults, own])

  const due = (await reminders.dueReminders(new Date('2026-03-16T16:00:00.000Z')))
    .filter((reminder) => [defaults.id, own.id].includes(reminder.sessionId))
    .map(({ sessionId, leadMinutes, at }) => ({ own: sessionId === own.id, leadMinutes, at }))
  expect(due).toEqual([
    { own: false, leadMinutes: 1440, at: '2026-03-15T16:00:00.000Z' },
    { own: true, leadMinutes: 120, at: '2026-03-16T14:00:00.000Z' },
    { own: false, leadMinutes: 30, at: '2026-03-16T15:30:00.000Z' },
  ])
})
