import * as z from 'zod'
import { InvitationKindSchema } from './schemas/invitation.ts'

/** The emails about one booking, by the event that causes them. */
export const BOOKING_EMAIL_KINDS = [
  'booking-confirmed',
  'booking-waitlisted',
  'booking-promoted',
  'place-offered',
  /** An offered place was not taken up in time: it went to the next person waiting. */
  'offer-expired',
  'booking-cancelled',
  /** "Find my bookings": every live booking of the person, each with its manage link. */
  'bookings-list',
  /** An administrator cancelled the whole session: the booking ended with it. */
  'session-cancelled',
  /** The session's dates, times or place changed: the booking's copy was updated. */
  'session-rescheduled',
  /**
   * The address booked a session it already holds a booking of: the existing booking's link,
   * sent instead of telling the caller (who may not own the address) that it had booked.
   */
  'booking-exists',
  /**
   * "Send me new links": every booking of the person whose links still work, each with its new
   * link; the old links stopped working when this was queued.
   */
  'manage-links-renewed',
] as const
export const BookingEmailKindSchema = z.enum(BOOKING_EMAIL_KINDS)
export type BookingEmailKind = z.infer<typeof BookingEmailKindSchema>

const outboxId = z.string()
const createdAt = z.iso.datetime({ offset: true })

/**
 * An email about one booking. It names the booking rather than copying personal data: delivery
 * reads what it needs when the email goes. A `bookings-list` names one of the person's bookings;
 * delivery lists them all when it sends.
 */
export const BookingEmailSchema = z.object({
  id: outboxId,
  kind: BookingEmailKindSchema,
  bookingId: z.string(),
  createdAt,
})
export type BookingEmail = z.infer<typeof BookingEmailSchema>

/**
 * A reminder of one part, sent `leadMinutes` before it to a booking that holds a confirmed place.
 * `partStartsAt` is the start it was timed for: delivery skips it when the part has moved since.
 */
export const BookingReminderEmailSchema = z.object({
  id: outboxId,
  kind: z.literal('booking-reminder'),
  bookingId: z.string(),
  part: z.number().int().min(0),
  leadMinutes: z.number().int().positive(),
  partStartsAt: z.iso.datetime({ offset: true }),
  createdAt,
})
export type BookingReminderEmail = z.infer<typeof BookingReminderEmailSchema>

/** One trainer's list of their parts on one London date (`YYYY-MM-DD`), read when it is sent. */
export const TrainerDigestEmailSchema = z.object({
  id: outboxId,
  kind: z.literal('trainer-digest'),
  staffSub: z.string().min(1),
  date: z.iso.date(),
  createdAt,
})
export type TrainerDigestEmail = z.infer<typeof TrainerDigestEmailSchema>

/**
 * The one email of an interest alert: `sessionId` is the newly published session it tells of.
 * Its id is made of the alert's and the session's (`interestAlertEmailId`), so queuing is idempotent.
 */
export const InterestAlertEmailSchema = z.object({
  id: outboxId,
  kind: z.literal('interest-alert'),
  alertId: z.string(),
  sessionId: z.string(),
  createdAt,
})
export type InterestAlertEmail = z.infer<typeof InterestAlertEmailSchema>

/**
 * An invitation to answer a questionnaire (`invitation` says which). Its id is the booking's and
 * the invitation's (`invitationMessageId`), so each goes once; delivery reads the booking, its
 * window and its answers when it goes.
 */
export const QuestionnaireInvitationEmailSchema = z.object({
  id: outboxId,
  kind: z.literal('questionnaire-invitation'),
  bookingId: z.string(),
  invitation: InvitationKindSchema,
  createdAt,
})
export type QuestionnaireInvitationEmail = z.infer<typeof QuestionnaireInvitationEmailSchema>

/**
 * The intent to send one email, written in the same transaction as the change that causes it (or
 * on its own with `OutboxStore.enqueue`). One member per family of emails, told apart by `kind`.
 */
export const OutboxMessageSchema = z.discriminatedUnion('kind', [
  BookingEmailSchema,
  BookingReminderEmailSchema,
  TrainerDigestEmailSchema,
  InterestAlertEmailSchema,
  QuestionnaireInvitationEmailSchema,
])
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>

/** Every kind of email the platform sends. */
export type EmailKind = OutboxMessage['kind']

const BOOKING_KINDS: ReadonlySet<string> = new Set(BOOKING_EMAIL_KINDS)

/** Whether the message is one of the booking family's (it names a booking). */
export function isBookingEmail(message: OutboxMessage): message is BookingEmail {
  return BOOKING_KINDS.has(message.kind)
}
