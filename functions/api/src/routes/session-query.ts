import { fromLondon, SessionFormatSchema, TopicSchema } from '@ey/domain'
import { localAuthority } from '@ey/reference-data'
import { z } from '@hono/zod-openapi'
import { decodeCursor } from '../listing.ts'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

const DateOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Use a date like 2026-06-01 or an ISO 8601 instant like 2026-06-01T16:00:00+01:00',
})

/** The London midnight that starts the day after `date`, so a `to` date includes its whole day. */
function dayAfter(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return fromLondon(next.toISOString().slice(0, 10), '00:00')
}

const BooleanParamSchema = z
  .enum(['true', 'false'], { error: 'Use true or false' })
  .transform((v) => v === 'true')

/** The query of `GET /api/sessions`, turned into values the listing can use. */
export const SessionQuerySchema = z.object({
  from: DateOrInstantSchema.transform((v) => (DATE_ONLY.test(v) ? fromLondon(v, '00:00') : new Date(v)))
    .optional()
    .openapi({
      description: 'Sessions starting at or after this (a date means its London midnight); default now',
    }),
  to: DateOrInstantSchema.transform((v) => (DATE_ONLY.test(v) ? dayAfter(v) : new Date(v)))
    .optional()
    .openapi({
      description: 'Sessions starting before this (a date includes that whole day); default from + 1 year',
    }),
  topic: TopicSchema.optional().openapi({ description: 'Sessions of courses with this topic' }),
  format: SessionFormatSchema.optional(),
  twilight: BooleanParamSchema.optional().openapi({
    description: 'true: only twilight sessions (weekdays from 15:30 London time); false: only the others',
  }),
  la: z
    .string()
    .refine((code) => localAuthority(code) !== undefined, 'Choose a local authority from the list')
    .optional()
    .openapi({
      description:
        'ONS code of the local authority the person comes from. Keeps the sessions they may book (open to all, ' +
        'or bespoke for that LA) and, for in-person sessions, only those whose venue is in the same region as ' +
        'that LA; online and hybrid sessions are kept wherever they are run from.',
      example: 'E08000035',
    }),
  available: BooleanParamSchema.optional().openapi({ description: 'true: only sessions with places left' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Page size, 1 to 100' }),
  cursor: z
    .string()
    .transform((value, ctx) => {
      const cursor = decodeCursor(value)
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'Use the nextCursor of an earlier page' })
      return cursor ?? z.NEVER
    })
    .optional()
    .openapi({ description: 'The nextCursor of the previous page' }),
})
