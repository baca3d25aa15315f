import { createInMemoryUndeliverable } from '../support/in-memory-undeliverable.ts'
import { describeUndeliverableContract } from '../support/undeliverable-contract.ts'

describeUndeliverableContract('the in-memory undeliverable addresses', async () =>
  createInMemoryUndeliverable(),
)
