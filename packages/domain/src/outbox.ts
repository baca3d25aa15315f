import { z } from 'zod'

/** Every email the platform sends, by the event that causes it. */
export const EMAIL_KINDS = [
  'booking-confirmed',
  'booking-waitlisted',
  'booking-promoted',
  'place-offered',
  'booking-cancelled',
  /** "Find my bookings": every live booking of the person, each with its manage link. */
  'bookings-list',
  /** An administrator cancelled the whole session: the booking ended with it. */
  'session-cancelled',
  /** The session's dates, times or place changed: the booking's copy was updated. */
  'session-rescheduled',
] as const
export const EmailKindSchema = z.enum(EMAIL_KINDS)
export type EmailKind = z.infer<typeof EmailKindSchema>

/**
 * The intent to send an email, written in the same transaction as the change that causes it.
 * It names the booking rather than copying personal data: the mail handler reads what it needs.
 * A `bookings-list` names one of the person's bookings; the handler lists them all when it sends.
 */
export const OutboxMessageSchema = z.object({
  id: z.string(),
  kind: EmailKindSchema,
  bookingId: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>
