import {
  BookingStatusSchema,
  IdSchema,
  PersonSchema,
  SessionFormatSchema,
  SessionStatusSchema,
  StoredPersonSchema,
  VenueSchema,
} from '@ey/domain'
import * as z from 'zod'
import { LondonInstantSchema } from './common.ts'
import { SessionPartViewSchema, SessionViewSchema } from './sessions.ts'

/** The domain's booking states as the public sees them: `waiting` reads `waitlisted`. */
export const PublicBookingStatusSchema = z
  .enum(['waitlisted', ...BookingStatusSchema.exclude(['waiting']).options])
  .meta({
    id: 'BookingStatus',
    description: 'confirmed, waitlisted or offered for a new booking; a replay answers the current status',
  })
export type PublicBookingStatus = z.infer<typeof PublicBookingStatusSchema>

/** The header that makes booking (and moving a booking) safe to retry. */
export const IdempotencyHeaderSchema = z.object({
  'Idempotency-Key': z
    .string({ error: 'Send an Idempotency-Key header' })
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'Use 8 to 128 letters, digits, - or _')
    .meta({
      description:
        'A key of your own per booking attempt; a retry with the same key answers the same booking',
      example: 'c0ffee-2026-06-01-7f3a',
    }),
})
export type IdempotencyHeader = z.infer<typeof IdempotencyHeaderSchema>

/** `POST /api/sessions/{id}/bookings`: who is booking. */
export const BookingRequestSchema = PersonSchema.meta({ id: 'BookingRequest' })
export type BookingRequest = z.infer<typeof BookingRequestSchema>

/**
 * `POST /api/sessions/{id}/bookings`: the same answer whether a booking was made or the address
 * already held one (then its link is emailed instead), so it never tells who has booked. The
 * booking, its reference and its private link are in the email.
 */
export const BookingReceivedSchema = z
  .object({
    sessionId: z.string(),
    emailedTo: z.string().meta({
      description:
        'The address given. It gets the confirmation (or waiting-list email) with the private link to ' +
        'manage the booking; if it already held a booking of this session, the link to that one instead',
    }),
  })
  .meta({ id: 'BookingReceived' })
export type BookingReceived = z.infer<typeof BookingReceivedSchema>

/** The answer to a move request, with the token that manages the new booking. */
export const NewBookingViewSchema = z
  .object({
    id: z.string(),
    reference: z.string().meta({ example: 'K7QP-2MXD' }),
    sessionId: z.string(),
    status: PublicBookingStatusSchema,
    waitlistPosition: z.number().int().positive().optional(),
    manageToken: z.string().meta({ description: 'Send as `Authorization: Bearer` to manage the booking' }),
    manageUrl: z.string().meta({ description: 'The page on the site where the person manages the booking' }),
  })
  .meta({ id: 'NewBooking' })
export type NewBookingView = z.infer<typeof NewBookingViewSchema>

/** One answer about sharing with the LA, as its holder sees it. */
export const LaSharingViewSchema = z
  .object({
    agreed: z.boolean(),
    at: LondonInstantSchema,
    noticeVersion: z.string().meta({ description: 'The version of the privacy notice in force then' }),
  })
  .meta({ id: 'LaSharingAnswer' })
export type LaSharingView = z.infer<typeof LaSharingViewSchema>

/** A booking as its holder sees it, with the copy of its session. */
export const BookingViewSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    sessionId: z.string(),
    status: PublicBookingStatusSchema,
    waitlistPosition: z.number().int().positive().optional(),
    offerExpiresAt: LondonInstantSchema.optional(),
    person: StoredPersonSchema,
    session: z.object({
      id: z.string(),
      courseId: z.string(),
      title: z.string(),
      startsAt: LondonInstantSchema,
      endsAt: LondonInstantSchema,
      parts: z.array(SessionPartViewSchema),
      format: SessionFormatSchema,
      venue: VenueSchema.optional(),
      status: SessionStatusSchema.exclude(['draft']),
    }),
    joiningUrl: z
      .string()
      .optional()
      .meta({ description: 'Online sessions, while the booking holds a place' }),
    laSharing: z.array(LaSharingViewSchema).meta({
      description:
        'Every answer about sharing with the LA, oldest first: the last says `person.shareWithLa` and ' +
        'when. Empty for a booking made before answers were recorded with their time',
    }),
    createdAt: LondonInstantSchema,
    updatedAt: LondonInstantSchema,
  })
  .meta({ id: 'Booking' })
export type BookingView = z.infer<typeof BookingViewSchema>

/** `POST /api/bookings/{id}/move`: `sessionId` is another session of the same course. */
export const MoveRequestSchema = z.object({ sessionId: IdSchema }).meta({ id: 'MoveRequest' })
export type MoveRequest = z.infer<typeof MoveRequestSchema>

/** `GET /api/bookings/{id}/move-options`. */
export const MoveOptionsSchema = z.object({ items: z.array(SessionViewSchema) }).meta({ id: 'MoveOptions' })
export type MoveOptions = z.infer<typeof MoveOptionsSchema>

/** `POST /api/bookings/lookup`: "find my bookings", or with `newLinks` "send me new links". */
export const BookingLookupRequestSchema = z
  .object({
    email: PersonSchema.shape.email,
    newLinks: z
      .boolean()
      .optional()
      .meta({
        description:
          'true: replace the links to every booking of the address whose links still work (the old links ' +
          'answer 410 manage-link-replaced from then on) and email the new ones',
      }),
  })
  .meta({ id: 'BookingLookupRequest' })
export type BookingLookupRequest = z.infer<typeof BookingLookupRequestSchema>

/** The answer to "find my bookings", the same whether or not the address has bookings. */
export const BookingLookupAnswerSchema = z
  .object({ message: z.string() })
  .meta({ id: 'BookingLookupAnswer', description: 'The same whether or not the address has bookings' })
export type BookingLookupAnswer = z.infer<typeof BookingLookupAnswerSchema>
