import { createOutboxStore } from '@ey/dynamodb'
import { createTestTable } from '../support/dynamo.ts'
import { describeOutboxStoreContract, STALE_CLAIM_MS } from '../support/outbox-contract.ts'

// The same contract as the in-memory fake, against DynamoDB Local (gsi4 for what is due, gsi1 for
// what is parked).
const table = createTestTable()

describeOutboxStoreContract('the DynamoDB outbox store', async () => {
  const { doc, tableName } = await table
  return createOutboxStore({ doc, tableName, staleClaimMs: STALE_CLAIM_MS })
})
