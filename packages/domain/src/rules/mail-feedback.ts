import type { MailFeedback } from '../mail-feedback.ts'

/**
 * Whether a report makes its addresses undeliverable. A permanent bounce (no such mailbox, or the
 * provider's own suppression) and a complaint do. A transient bounce (a full mailbox, a message
 * too large, a server out of reach) and an undetermined one do not: the next email may well arrive,
 * and stopping all mail to someone over a full mailbox would lose them their bookings' news.
 */
export function suppresses(feedback: MailFeedback): boolean {
  return feedback.kind === 'complaint' || feedback.bounceType === 'Permanent'
}
