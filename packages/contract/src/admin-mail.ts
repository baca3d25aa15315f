import { IdSchema, MAIL_REVIEW_SHOWN } from '@ey/domain'
import * as z from 'zod'
import { LondonInstantSchema } from './common.ts'

/** An email that failed: retrying after its backoff, or parked after its last attempt. */
export const MailEmailViewSchema = z
  .object({
    id: IdSchema,
    kind: z.string().meta({ description: 'The kind of email', example: 'booking-confirmed' }),
    status: z.enum(['retrying', 'parked']),
    createdAt: LondonInstantSchema,
    attempts: z.number().int().meta({ description: 'Failed attempts so far' }),
    lastError: z
      .string()
      .optional()
      .meta({ description: 'The name of the last error', example: 'Throttling' }),
    failedAt: LondonInstantSchema.optional(),
    retryAt: LondonInstantSchema.optional().meta({ description: 'When it is tried again (retrying only)' }),
    to: z.string().optional().meta({ description: 'The address it was for, when it can still be read' }),
  })
  .meta({ id: 'MailEmail' })
export type MailEmailView = z.infer<typeof MailEmailViewSchema>

/** An address no email goes to: it bounced for good, or its owner complained. */
export const UndeliverableAddressViewSchema = z
  .object({
    id: IdSchema.meta({ description: 'Stands for the address (a hash of it)' }),
    address: z.string(),
    reason: z.enum(['bounce', 'complaint']),
    detail: z.string().meta({
      description: 'The bounce type and sub-type, or the complaint feedback type',
      example: 'Permanent/General',
    }),
    at: LondonInstantSchema,
  })
  .meta({ id: 'UndeliverableAddress' })
export type UndeliverableAddressView = z.infer<typeof UndeliverableAddressViewSchema>

/** One administrator's action on the mail. */
export const MailAuditEntryViewSchema = z
  .object({
    at: LondonInstantSchema,
    by: z.string(),
    action: z.enum(['resend-email', 'clear-address']),
    subject: z.string().meta({ description: 'The email (kind and id), or the address masked' }),
  })
  .meta({ id: 'MailAuditEntry' })
export type MailAuditEntryView = z.infer<typeof MailAuditEntryViewSchema>

/** `GET /api/admin/mail`. */
export const MailReviewViewSchema = z
  .object({
    emails: z.array(MailEmailViewSchema),
    addresses: z.array(UndeliverableAddressViewSchema),
    audit: z.array(MailAuditEntryViewSchema).meta({ description: 'The latest actions, newest first' }),
    moreEmails: z.boolean().meta({
      description: `Whether more failed emails are held than the ${MAIL_REVIEW_SHOWN} listed (parked first, latest first)`,
    }),
    moreAddresses: z.boolean().meta({
      description: `Whether more undeliverable addresses are held than the ${MAIL_REVIEW_SHOWN} listed (latest first)`,
    }),
  })
  .meta({ id: 'MailReview' })
export type MailReviewView = z.infer<typeof MailReviewViewSchema>

/** `POST /api/admin/mail/emails/{id}/resend`: the email, pending again and due now. */
export const MailResentViewSchema = z.object({ id: IdSchema, kind: z.string() }).meta({ id: 'MailResent' })
export type MailResentView = z.infer<typeof MailResentViewSchema>
