import type { EmailKind, MailAuditAction, UndeliverableAddress } from '@ey/domain'

/** Each kind of email, as administrators read it in the list of failed emails. */
export const EMAIL_KIND_LABELS = {
  'booking-confirmed': 'Booking confirmed',
  'booking-waitlisted': 'On the waiting list',
  'booking-promoted': 'Place given from the waiting list',
  'place-offered': 'Place offered',
  'booking-cancelled': 'Booking cancelled',
  'bookings-list': 'List of bookings',
  'manage-links-renewed': 'New links to bookings',
  'session-cancelled': 'Session cancelled',
  'session-rescheduled': 'Session changed',
  'booking-exists': 'Already booked: link resent',
  'offer-expired': 'Offer lapsed',
  'booking-reminder': 'Reminder',
  'trainer-digest': 'Trainer’s daily list',
  'interest-alert': 'New date of a course',
  'questionnaire-invitation': 'Questionnaire invitation',
} as const satisfies Record<EmailKind, string>

/** Why an address gets no email. */
export const UNDELIVERABLE_REASON_LABELS = {
  bounce: 'Bounced',
  complaint: 'Marked as spam',
} as const satisfies Record<UndeliverableAddress['reason'], string>

/** What an administrator did about the mail. */
export const MAIL_AUDIT_ACTION_LABELS = {
  'resend-email': 'Resent an email',
  'clear-address': 'Cleared an address',
} as const satisfies Record<MailAuditAction, string>
