import {
  fromLondon,
  IdSchema,
  QUERY_BOUNDS,
  SessionFormatSchema,
  SessionStatusSchema,
  TopicSchema,
  VenueSchema,
} from '@ey/domain'
import { localAuthority } from '@ey/reference-data'
import * as z from 'zod'
import { LondonInstantSchema } from './common.ts'

/** One part of a session, in London time. */
export const SessionPartViewSchema = z
  .object({ startsAt: LondonInstantSchema, endsAt: LondonInstantSchema })
  .meta({ id: 'SessionPart' })
export type SessionPartView = z.infer<typeof SessionPartViewSchema>

/** A published or cancelled session as the public sees it: never its joining link or trainers. */
export const SessionViewSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    title: z.string(),
    startsAt: LondonInstantSchema,
    endsAt: LondonInstantSchema,
    format: SessionFormatSchema,
    twilight: z.boolean().meta({ description: 'Starts at or after 15:30 London time on a weekday' }),
    capacity: z.number().int(),
    placesLeft: z.number().int(),
    waitlistLength: z.number().int(),
    bookable: z.boolean().meta({ description: 'The booking window is open now' }),
    bespokeLaCodes: z.array(z.string()).meta({ description: 'Empty when open to all' }),
    parts: z.array(SessionPartViewSchema),
    venue: VenueSchema.optional().meta({ description: 'For in-person and hybrid sessions' }),
    topics: z.array(TopicSchema),
    bookingOpensAt: LondonInstantSchema.optional(),
    bookingClosesAt: LondonInstantSchema,
    status: SessionStatusSchema.exclude(['draft']),
  })
  .meta({ id: 'Session' })
export type SessionView = z.infer<typeof SessionViewSchema>

/** `GET /api/sessions`: a page of sessions and where the next one starts. */
export const SessionPageSchema = z
  .object({
    items: z.array(SessionViewSchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page' }),
  })
  .meta({ id: 'SessionPage' })
export type SessionPage = z.infer<typeof SessionPageSchema>

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

const DateOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Use a date like 2026-06-01 or an ISO 8601 instant like 2026-06-01T16:00:00+01:00',
})

/** The London midnight that starts the day after `date`, so a `to` date includes its whole day. */
/** The London midnight ending a day: `to` of a query that includes that whole day. */
export function dayAfter(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return fromLondon(next.toISOString().slice(0, 10), '00:00')
}

const BooleanParamSchema = z
  .enum(['true', 'false'], { error: 'Use true or false' })
  .transform((v) => v === 'true')

/**
 * The query of `GET /api/sessions`, turned into values the search can use. `cursor` stays the
 * opaque text a page answered: only the API reads it.
 */
export const SessionQuerySchema = z.object({
  from: DateOrInstantSchema.transform((v) => (DATE_ONLY.test(v) ? fromLondon(v, '00:00') : new Date(v)))
    .optional()
    .meta({
      description: 'Sessions starting at or after this (a date means its London midnight); default now',
    }),
  to: DateOrInstantSchema.transform((v) => (DATE_ONLY.test(v) ? dayAfter(v) : new Date(v)))
    .optional()
    .meta({
      description:
        'Sessions starting before this (a date includes that whole day); default from + 1 year. A range of ' +
        `more than ${QUERY_BOUNDS.sessionSearchDays} days answers 422 naming \`to\``,
    }),
  course: IdSchema.optional().meta({ description: 'Sessions of this course only (its id)' }),
  topic: TopicSchema.optional().meta({ description: 'Sessions of courses with this topic' }),
  format: SessionFormatSchema.optional(),
  twilight: BooleanParamSchema.optional().meta({
    description: 'true: only twilight sessions (weekdays from 15:30 London time); false: only the others',
  }),
  la: z
    .string()
    .refine((code) => localAuthority(code) !== undefined, 'Choose a local authority from the list')
    .optional()
    .meta({
      description:
        'ONS code of the local authority the person comes from. Keeps the sessions they may book (open to all, ' +
        'or bespoke for that LA) and, for in-person sessions, only those whose venue is in the same region as ' +
        'that LA; online and hybrid sessions are kept wherever they are run from.',
      example: 'E08000035',
    }),
  available: BooleanParamSchema.optional().meta({ description: 'true: only sessions with places left' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(QUERY_BOUNDS.pageSize)
    .default(20)
    .meta({ description: `Page size, 1 to ${QUERY_BOUNDS.pageSize} (more answers 422 naming \`limit\`)` }),
  cursor: z.string().meta({ description: 'The nextCursor of the previous page' }).optional(),
})
/** The query as a page sends it. */
export type SessionQuery = z.input<typeof SessionQuerySchema>
