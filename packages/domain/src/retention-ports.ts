import type { UndeliverableAddress } from './mail-feedback.ts'
import type { OutboxMessage } from './outbox.ts'
import type { AccessAuditEntry } from './schemas/access-audit.ts'
import type { Booking } from './schemas/booking.ts'
import type { CertificateRecord } from './schemas/certificate.ts'
import type { InterestAlert } from './schemas/interest-alert.ts'
import type { QuestionnaireResponse } from './schemas/questionnaire.ts'

/** An email queued about a booking or an alert, as a subject access shows it. */
export interface EmailRecord {
  message: OutboxMessage
  /** pending, sending, sent, skipped, failed (delivery's own words). */
  status: string
}

/** What erasing one booking writes, all at once: the booking erased and its responses without free text. */
export interface BookingErasure {
  /** The booking as read (the write is conditioned on it being unchanged). */
  before: Booking
  after: Booking
  responses: QuestionnaireResponse[]
}

/**
 * The personal data a person leaves, found by booking, by address or by age: what the retention
 * job and subject access read and erase.
 */
export interface PersonalDataStore {
  /** Every booking, erased or not, whose session's first part starts before `before`, a page at a time. */
  bookingsStartingBefore(before: Date): AsyncIterable<Booking[]>
  /** Every booking made with this normalised address and not yet erased, any state. */
  bookingsOf(emailKey: string): Promise<Booking[]>
  /** Every interest alert asked for with this normalised address, any status. */
  alertsOf(emailKey: string): Promise<InterestAlert[]>
  /** The emails queued about these bookings or alerts (each kept 30 days). */
  emailsAbout(ids: readonly string[]): Promise<EmailRecord[]>
  /** The certificates recorded for these bookings. */
  certificatesOf(bookingIds: readonly string[]): Promise<CertificateRecord[]>
  /** Entries of the access audit that name this subject (the hash it holds). */
  auditMentions(subject: string): Promise<AccessAuditEntry[]>
  /** Deletes these emails and certificates (already gone: nothing happens). */
  deleteEmailsAndCertificates(emailIds: readonly string[], certificateCodes: readonly string[]): Promise<void>
  /** Deletes an alert that is no longer open (an open one is stopped first). */
  deleteAlert(id: string): Promise<void>
  /**
   * Writes the erasure in one transaction: `false` (nothing written) when the booking changed or
   * was erased since it was read.
   */
  eraseBooking(erasure: BookingErasure): Promise<boolean>
  /** The undeliverable record of this normalised address, if there is one. */
  undeliverableOf(emailKey: string): Promise<UndeliverableAddress | undefined>
  /** Ids of the undeliverable addresses reported before `before`. */
  undeliverableReportedBefore(before: Date): Promise<string[]>
}
