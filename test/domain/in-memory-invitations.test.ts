import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'
import { createInMemoryInvitationStore } from '../support/in-memory-invitations.ts'
import { describeInvitationStoreContract } from '../support/invitation-contract.ts'

describeInvitationStoreContract('the in-memory invitation store', async () => {
  const store = createInMemoryInvitationStore()
  const bookings = store.watch(createInMemoryBookingRepository())
  return {
    store,
    create: async (session) => {
      bookings.putSession(session)
      store.sync(session)
    },
    save: async (session) => store.sync(session),
    bookings,
  }
})
