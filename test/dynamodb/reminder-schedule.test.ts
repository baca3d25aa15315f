import { createDynamoReminderSchedule, createDynamoSessionStore } from '@ey/dynamodb'
import { createTestTable } from '../support/dynamo.ts'
import { describeReminderScheduleContract } from '../support/reminder-contract.ts'

const table = createTestTable()

describeReminderScheduleContract('the DynamoDB reminder schedule', async () => {
  const { doc, tableName } = await table
  return {
    sessions: createDynamoSessionStore({ doc, tableName }),
    reminders: createDynamoReminderSchedule({ doc, tableName }),
  }
})
