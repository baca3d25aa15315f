import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'
import { createInMemorySessionStore } from '../support/in-memory-sessions.ts'
import { describeReminderScheduleContract } from '../support/reminder-contract.ts'

describeReminderScheduleContract('the in-memory reminder schedule', async () => {
  const sessions = createInMemorySessionStore(createInMemoryBookingRepository())
  return { sessions, reminders: sessions.reminders }
})
