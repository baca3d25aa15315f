import { createInMemoryOutboxStore } from '../support/in-memory-outbox.ts'
import { describeOutboxStoreContract, STALE_CLAIM_MS } from '../support/outbox-contract.ts'

describeOutboxStoreContract('the in-memory outbox store', async () =>
  createInMemoryOutboxStore({ staleClaimMs: STALE_CLAIM_MS }),
)
