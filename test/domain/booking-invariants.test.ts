import { describeBookingRepositoryContract } from '../support/booking-contract.ts'
import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'

describeBookingRepositoryContract(
  'the in-memory booking repository',
  async () => {
    const repo = createInMemoryBookingRepository()
    return { repo, putSession: async (session) => repo.putSession(session) }
  },
  { numRuns: 600, scheduleRaces: true },
)
