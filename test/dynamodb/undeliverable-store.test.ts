import { createUndeliverableStore } from '@ey/dynamodb'
import { createTestTable } from '../support/dynamo.ts'
import { describeUndeliverableContract } from '../support/undeliverable-contract.ts'

const table = createTestTable()

describeUndeliverableContract('the DynamoDB undeliverable addresses', async () =>
  createUndeliverableStore(await table),
)
