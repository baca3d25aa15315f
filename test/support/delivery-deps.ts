import { DEFAULT_POLICY, type Mailer, type OutgoingEmail } from '@ey/domain'
import type { DeliveryDeps } from '@ey/mail'

/**
 * The reads of delivery that a test of another family of emails does not use: each finds nothing
 * (and no address is undeliverable). Spread first; a test's own reads come after.
 */
export const READS_FINDING_NOTHING = {
  reminders: { trainerParts: async () => [] },
  sessions: { getSession: async () => undefined },
  registers: { sessionBookings: async () => [] },
  staffDirectory: { get: async () => undefined },
  alerts: { getAlert: async () => undefined, closeAlert: async () => undefined },
  alertTokens: { issue: (id: string) => `stop-token-of-${id}` },
  catalogue: { getCourse: async () => undefined },
  answers: { hasAnswered: async () => false },
  materials: { listOf: async () => [] },
  undeliverable: { isUndeliverable: async () => false },
  manageLinks: { bookingsOf: async () => [] },
  policy: DEFAULT_POLICY,
} satisfies Partial<DeliveryDeps>

/** A mailer that keeps each email it is given in `sent`, answering message ids m-1, m-2, … */
export function recordingMailer(sent: OutgoingEmail[]): Mailer {
  return {
    send: async (email) => {
      sent.push(email)
      return { messageId: `m-${sent.length}` }
    },
  }
}
