import type { MailFeedback, UndeliverableAddresses } from '../mail-feedback.ts'
import { suppresses } from '../rules/mail-feedback.ts'

/**
 * Records a bounce or complaint: every address of a report that suppresses becomes undeliverable,
 * so no more email is sent to it until an administrator clears it. Returns how many were marked.
 */
export async function recordMailFeedback(
  deps: { undeliverable: Pick<UndeliverableAddresses, 'mark'> },
  feedback: MailFeedback,
): Promise<number> {
  if (!suppresses(feedback)) return 0
  const detail =
    feedback.kind === 'bounce'
      ? `${feedback.bounceType}/${feedback.bounceSubType}`
      : (feedback.complaintType ?? 'not given')
  for (const address of feedback.recipients) {
    await deps.undeliverable.mark({ address, reason: feedback.kind, detail, at: feedback.at })
  }
  return feedback.recipients.length
}
