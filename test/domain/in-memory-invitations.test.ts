import { createInMemoryInvitationStore } from '../support/in-memory-invitations.ts'
import { describeInvitationStoreContract } from '../support/invitation-contract.ts'

describeInvitationStoreContract('the in-memory invitation store', async () => {
  const store = createInMemoryInvitationStore()
  return {
    store,
    create: async (session) => store.sync(session),
    save: async (session) => store.sync(session),
  }
})
