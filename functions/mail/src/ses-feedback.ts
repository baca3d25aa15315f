import type { MailFeedback } from '@ey/domain'
import * as z from 'zod'

const Recipients = z.array(z.object({ emailAddress: z.string() }))

/**
 * The parts of an SES event-publishing record (the JSON an SNS notification carries) that matter
 * here; SES may add fields, which are ignored. Identity notifications name the type
 * `notificationType` instead of `eventType`; both are read.
 */
const SesEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('Bounce'),
    bounce: z.object({
      bounceType: z.string(),
      bounceSubType: z.string(),
      bouncedRecipients: Recipients,
      timestamp: z.iso.datetime({ offset: true }),
    }),
  }),
  z.object({
    type: z.literal('Complaint'),
    complaint: z.object({
      complainedRecipients: Recipients,
      timestamp: z.iso.datetime({ offset: true }),
      complaintFeedbackType: z.string().optional(),
    }),
  }),
])

/** What an SES event says about deliverability; undefined for every other event type (deliveries, opens). */
export function mailFeedbackOf(event: unknown): MailFeedback | undefined {
  const record = event as { eventType?: unknown; notificationType?: unknown } | null
  const type = record?.eventType ?? record?.notificationType
  if (type !== 'Bounce' && type !== 'Complaint') return undefined
  const parsed = SesEventSchema.parse({ ...record, type })
  if (parsed.type === 'Bounce') {
    const { bounceType, bounceSubType, bouncedRecipients, timestamp } = parsed.bounce
    return {
      kind: 'bounce',
      bounceType,
      bounceSubType,
      recipients: bouncedRecipients.map((recipient) => recipient.emailAddress),
      at: timestamp,
    }
  }
  const { complainedRecipients, complaintFeedbackType, timestamp } = parsed.complaint
  return {
    kind: 'complaint',
    ...(complaintFeedbackType ? { complaintType: complaintFeedbackType } : {}),
    recipients: complainedRecipients.map((recipient) => recipient.emailAddress),
    at: timestamp,
  }
}
