import type { BookingReminderEmail, OutboxMessage, StaffMember, TrainerDigestEmail } from '@ey/domain'
import { type AdminTestDeps, makeAdminDeps } from './session-admin.ts'

/** An email queued by a job. */
export type JobEmail = BookingReminderEmail | TrainerDigestEmail

/** The trainers the digest tests name, as the staff directory holds them. */
export const TRAINERS: StaffMember[] = ['trainer-amira', 'trainer-ben', 'trainer-chloe'].map((sub) => ({
  sub,
  username: sub,
  name: sub.replace('trainer-', ''),
  email: `${sub}@staff.example.org`,
  roles: ['trainer'],
  laCodes: [],
  invitedAt: '2026-01-05T09:00:00.000Z',
  invitedBy: 'seed',
}))

/**
 * The administrators' in-memory dependencies with what the reminder and digest jobs add: the
 * schedule the session store keeps, an outbox that queues a message once per id (`queued` lists
 * them), the register's read of a session's bookings and a staff directory of `TRAINERS`.
 */
export function makeReminderDeps() {
  const deps: AdminTestDeps = makeAdminDeps()
  const queued: JobEmail[] = []
  return {
    ...deps,
    reminders: deps.sessions.reminders,
    queued,
    outbox: {
      async enqueue(message: OutboxMessage) {
        if (message.kind !== 'booking-reminder' && message.kind !== 'trainer-digest') {
          throw new Error(`The jobs queue only reminders and digests, not ${message.kind}`)
        }
        if (queued.some((m) => m.id === message.id)) return false
        queued.push(structuredClone(message))
        return true
      },
    },
    registers: { sessionBookings: async (sessionId: string) => deps.bookings.bookingsOf(sessionId) },
    staffDirectory: { get: async (sub: string) => TRAINERS.find((member) => member.sub === sub) },
  }
}
