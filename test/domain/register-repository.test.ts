import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'
import { createInMemoryRegisters } from '../support/in-memory-registers.ts'
import { describeRegisterContract } from '../support/register-contract.ts'

describeRegisterContract('In-memory register repository', async () =>
  createInMemoryRegisters(createInMemoryBookingRepository()),
)
