import {
  createDynamoBookingRepository,
  createDynamoInvitationStore,
  createDynamoSessionStore,
} from '@ey/dynamodb'
import { createTestTable } from '../support/dynamo.ts'
import { describeInvitationStoreContract } from '../support/invitation-contract.ts'

const table = createTestTable()

describeInvitationStoreContract('the DynamoDB invitation store', async () => {
  const { doc, tableName } = await table
  const sessions = createDynamoSessionStore({ doc, tableName })
  return {
    store: createDynamoInvitationStore({ doc, tableName }),
    create: (session) => sessions.createSessions([session]),
    save: (session, expectedStatus) => sessions.saveSession(session, expectedStatus),
    bookings: createDynamoBookingRepository({ doc, tableName }),
  }
})
