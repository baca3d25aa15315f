import { describeAlertStoreContract } from '../support/alert-store-contract.ts'
import { createInMemoryAlertStore } from '../support/in-memory-alerts.ts'

// The fake the domain tests use honours the same contract as the DynamoDB store.
const store = createInMemoryAlertStore()

describeAlertStoreContract('the in-memory alert store', async () => store, { numRuns: 100 })
