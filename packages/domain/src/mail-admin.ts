import type { UndeliverableAddress } from './mail-feedback.ts'
import type { OutboxProblem } from './outbox-ports.ts'

/** What an administrator did about the mail. */
export type MailAuditAction = 'resend-email' | 'clear-address'

/** One administrator's action on the mail: who, when, what (an email's kind and id, or a masked address). */
export interface MailAuditEntry {
  at: string
  /** The administrator, by name (or subject when the token carries no name). */
  by: string
  action: MailAuditAction
  subject: string
}

/** The record of administrators' actions on the mail, kept a year. */
export interface MailAudit {
  record(entry: MailAuditEntry): Promise<void>
  /** The latest entries, newest first. */
  recent(limit: number): Promise<MailAuditEntry[]>
}

/** An email that failed, with the address it was for when it can still be read. */
export interface MailProblem extends OutboxProblem {
  to?: string
}

/** Everything administrators see of the mail: failed emails, undeliverable addresses, their own actions. */
export interface MailReview {
  emails: MailProblem[]
  addresses: UndeliverableAddress[]
  audit: MailAuditEntry[]
  /** Whether more failed emails than `MAIL_REVIEW_SHOWN` are held (only that many are listed). */
  moreEmails: boolean
  /** Whether more undeliverable addresses than `MAIL_REVIEW_SHOWN` are held. */
  moreAddresses: boolean
}
