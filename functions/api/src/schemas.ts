import {
  CourseSchema,
  IdSchema,
  PersonSchema,
  SessionFormatSchema,
  SessionStatusSchema,
  TopicSchema,
  VenueSchema,
} from '@ey/domain'
import { z } from '@hono/zod-openapi'

// Shapes the API answers with; request shapes reuse the domain's schemas. The domain's schemas are
// built before `@hono/zod-openapi` extends zod, so they lack `.openapi()`: they are named with
// zod's own `.meta({ id })`, which the document generator reads too.

const LondonInstant = z.string().openapi({
  format: 'date-time',
  description: 'ISO 8601 with the Europe/London offset at that instant',
  example: '2026-06-01T16:00:00+01:00',
})

export const IdParamSchema = z.object({ id: IdSchema })

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://problems.early-years-send.example/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ description: 'The request path', example: '/api/sessions/x/bookings' }),
    code: z.string().openapi({ description: 'Stable machine-readable code', example: 'validation-failed' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).openapi({
      description: 'Each field at fault: body fields and parameters by name, headers by header name',
    }),
  })
  .openapi('Problem')

export const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health')

export const CourseViewSchema = CourseSchema.extend({
  partner: z.object({ id: z.string(), name: z.string(), website: z.string().optional() }),
}).openapi('Course')

export const CourseListSchema = z.object({ items: z.array(CourseViewSchema) }).openapi('CourseList')

const PartViewSchema = z.object({ startsAt: LondonInstant, endsAt: LondonInstant }).openapi('SessionPart')

export const SessionViewSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    title: z.string(),
    startsAt: LondonInstant,
    endsAt: LondonInstant,
    format: SessionFormatSchema,
    twilight: z.boolean().openapi({ description: 'Starts at or after 15:30 London time on a weekday' }),
    capacity: z.number().int(),
    placesLeft: z.number().int(),
    waitlistLength: z.number().int(),
    bookable: z.boolean().openapi({ description: 'The booking window is open now' }),
    bespokeLaCodes: z.array(z.string()).openapi({ description: 'Empty when open to all' }),
    parts: z.array(PartViewSchema),
    venue: VenueSchema.optional().openapi({ description: 'For in-person and hybrid sessions' }),
    topics: z.array(TopicSchema),
    bookingOpensAt: LondonInstant.optional(),
    bookingClosesAt: LondonInstant,
    status: SessionStatusSchema.exclude(['draft']),
  })
  .openapi('Session')

export const SessionPageSchema = z
  .object({
    items: z.array(SessionViewSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
  })
  .openapi('SessionPage')

/** The domain's booking states as the public sees them: `waiting` reads `waitlisted`. */
export const PublicBookingStatusSchema = z
  .enum([
    'waitlisted',
    'offered',
    'confirmed',
    'declined',
    'expired',
    'cancelled',
    'late-cancelled',
    'attended',
    'no-show',
  ])
  .openapi('BookingStatus')

export const IdempotencyHeaderSchema = z.object({
  'Idempotency-Key': z
    .string({ error: 'Send an Idempotency-Key header' })
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'Use 8 to 128 letters, digits, - or _')
    .openapi({
      param: { name: 'Idempotency-Key', in: 'header' },
      description:
        'A key of your own per booking attempt; a retry with the same key answers the same booking',
      example: 'c0ffee-2026-06-01-7f3a',
    }),
})

export const NewBookingRequestSchema = PersonSchema.meta({ id: 'BookingRequest' })

export const NewBookingSchema = z
  .object({
    id: z.string(),
    reference: z.string().openapi({ example: 'K7QP-2MXD' }),
    sessionId: z.string(),
    status: PublicBookingStatusSchema.openapi({
      description: 'confirmed, waitlisted or offered for a new booking; a replay answers the current status',
    }),
    waitlistPosition: z.number().int().positive().optional(),
    manageToken: z.string().openapi({ description: 'Send as `Authorization: Bearer` to manage the booking' }),
    manageUrl: z
      .string()
      .openapi({ description: 'The page on the site where the person manages the booking' }),
  })
  .openapi('NewBooking')

export const BookingViewSchema = z
  .object({
    id: z.string(),
    reference: z.string(),
    sessionId: z.string(),
    status: PublicBookingStatusSchema,
    waitlistPosition: z.number().int().positive().optional(),
    offerExpiresAt: LondonInstant.optional(),
    person: PersonSchema,
    session: z.object({
      id: z.string(),
      courseId: z.string(),
      title: z.string(),
      startsAt: LondonInstant,
      endsAt: LondonInstant,
      parts: z.array(PartViewSchema),
      format: SessionFormatSchema,
      venue: VenueSchema.optional(),
      status: SessionStatusSchema.exclude(['draft']),
    }),
    joiningUrl: z
      .string()
      .optional()
      .openapi({ description: 'Online sessions, while the booking holds a place' }),
    createdAt: LondonInstant,
    updatedAt: LondonInstant,
  })
  .openapi('Booking')

export type SessionView = z.infer<typeof SessionViewSchema>
export type BookingView = z.infer<typeof BookingViewSchema>
export type CourseView = z.infer<typeof CourseViewSchema>
export type NewBookingView = z.infer<typeof NewBookingSchema>

/** Problem responses for a route's documented error statuses. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEM_DESCRIPTIONS[status] ?? 'A problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  )
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each field at fault',
  401: 'No manage token was sent',
  403: 'The session is only for people from other local authorities',
  404: 'Not found',
  409: 'The session or booking does not allow this now',
  413: 'The body is larger than 16 KB',
  415: 'The body is not JSON',
  422: 'The Idempotency-Key was used for a different request',
  503: 'Busy; retry after the Retry-After seconds',
}
