import { DomainError } from '../errors.ts'
import type { MailAudit, MailProblem, MailReview } from '../mail-admin.ts'
import type { UndeliverableAddress, UndeliverableAddresses } from '../mail-feedback.ts'
import type { OutboxMessage } from '../outbox.ts'
import type { OutboxStore } from '../outbox-ports.ts'
import type { BookingRepository, Clock } from '../ports.ts'
import { QUERY_BOUNDS } from '../rules/query-bounds.ts'

/** How many of their latest actions administrators see. */
export const MAIL_AUDIT_SHOWN = 50

/** How many failed emails, and how many undeliverable addresses, one review lists at most. */
export const MAIL_REVIEW_SHOWN = QUERY_BOUNDS.pageSize

/** What administering the mail needs. */
export interface MailAdminDeps {
  outbox: Pick<OutboxStore, 'problems' | 'resend'>
  undeliverable: Pick<UndeliverableAddresses, 'list' | 'clear'>
  mailAudit: MailAudit
  bookings: Pick<BookingRepository, 'getBooking'>
  clock: Clock
}

/**
 * Failed emails (retrying, and parked after their last attempt; parked first, each with the address
 * it was for), undeliverable addresses, and administrators' latest actions on them. Each list
 * holds at most `MAIL_REVIEW_SHOWN` (parked emails and addresses latest first), and says whether
 * more are held, so a mail outage with thousands retrying still answers in one short read.
 */
export async function reviewMail(deps: MailAdminDeps): Promise<MailReview> {
  const [problems, held, audit] = await Promise.all([
    deps.outbox.problems(MAIL_REVIEW_SHOWN + 1),
    deps.undeliverable.list(MAIL_REVIEW_SHOWN + 1),
    deps.mailAudit.recent(MAIL_AUDIT_SHOWN),
  ])
  const emails = await Promise.all(
    problems.slice(0, MAIL_REVIEW_SHOWN).map(async (problem): Promise<MailProblem> => {
      const to = await recipientOf(deps, problem.message)
      return to === undefined ? problem : { ...problem, to }
    }),
  )
  emails.sort((a, b) => (a.status === b.status ? 0 : a.status === 'failed' ? -1 : 1))
  return {
    emails,
    addresses: held.slice(0, MAIL_REVIEW_SHOWN),
    audit,
    moreEmails: problems.length > MAIL_REVIEW_SHOWN,
    moreAddresses: held.length > MAIL_REVIEW_SHOWN,
  }
}

/**
 * Sends a parked email once more: back to pending and due now, for the sweeper. Throws
 * `email-not-parked` when it is not parked (already resent, sent, or gone), so a second click
 * resends nothing. Audited.
 */
export async function resendEmail(deps: MailAdminDeps, id: string, by: string): Promise<OutboxMessage> {
  const at = deps.clock.now()
  const message = await deps.outbox.resend(id, at)
  if (!message) throw new DomainError('email-not-parked')
  await deps.mailAudit.record({
    at: at.toISOString(),
    by,
    action: 'resend-email',
    subject: `${message.kind} ${message.id}`,
  })
  return message
}

/**
 * Lets email go to an undeliverable address again. Throws `address-not-found` when it is not
 * recorded (cleared already). Audited, with the address masked: the audit outlives the entry.
 */
export async function clearUndeliverable(
  deps: MailAdminDeps,
  id: string,
  by: string,
): Promise<UndeliverableAddress> {
  const cleared = await deps.undeliverable.clear(id)
  if (!cleared) throw new DomainError('address-not-found')
  await deps.mailAudit.record({
    at: deps.clock.now().toISOString(),
    by,
    action: 'clear-address',
    subject: `${maskAddress(cleared.address)} (${cleared.reason})`,
  })
  return cleared
}

/** `amira.khan@example.org` → `a…@example.org`: enough to recognise, not to write to. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@')
  return at <= 0 ? '…' : `${address[0]}…${address.slice(at)}`
}

/**
 * The address an email of a booking (its booking family and its reminders) goes to, read as the
 * delivery would; undefined when the booking is gone, and for a trainer's digest or an alert.
 */
async function recipientOf(deps: MailAdminDeps, message: OutboxMessage): Promise<string | undefined> {
  if (!('bookingId' in message)) return undefined
  return (await deps.bookings.getBooking(message.bookingId))?.person.email
}
