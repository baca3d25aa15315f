import * as z from 'zod'
import { httpsUrlSchema, IdSchema, LaCodeSchema } from './common.ts'
import { MAX_SESSION_PARTS, ReminderLeadsSchema, SessionFormatSchema, VenueSchema } from './session.ts'

/** A London calendar date as typed by an administrator, `YYYY-MM-DD`. */
export const LondonDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date, like 2026-06-01')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value)
  }, 'Enter a real date, like 2026-06-01')

/** A London wall-clock time, `HH:mm` (24-hour). */
export const LondonTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time in 24-hour form, like 16:00')

/** One part as the form and the CSV give it: a London date with start and end times. */
export const PartInputSchema = z.object({
  date: LondonDateSchema,
  startTime: LondonTimeSchema,
  endTime: LondonTimeSchema,
})
export type PartInput = z.infer<typeof PartInputSchema>

/** A London date and time: the booking window's ends. */
export const LondonMomentSchema = z.object({ date: LondonDateSchema, time: LondonTimeSchema })
export type LondonMoment = z.infer<typeof LondonMomentSchema>

/**
 * What an administrator gives to schedule or edit a session. Times are London wall-clock times;
 * the use case turns them into UTC instants. Counters are never part of it: they belong to the
 * booking engine.
 */
export const SessionInputSchema = z.object({
  courseId: z
    .string({ error: 'Choose a course from the list' })
    .trim()
    .min(1, 'Choose a course from the list')
    .pipe(IdSchema),
  /** Defaults to the course's title. */
  title: z
    .string()
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'Title must be 200 characters or fewer')
    .optional(),
  parts: z
    .array(PartInputSchema)
    .min(1, 'Add at least one part')
    .max(MAX_SESSION_PARTS, `A session has at most ${MAX_SESSION_PARTS} parts`),
  format: z.enum(SessionFormatSchema.options, { error: 'Choose whether it runs online, in person or both' }),
  venue: VenueSchema.optional(),
  joiningUrl: httpsUrlSchema('Enter the joining link as a full web address, starting https://')
    .optional()
    .meta({ description: 'An https:// address' }),
  capacity: z
    .number({ error: 'Enter the number of places as a whole number' })
    .int('Enter the number of places as a whole number')
    .min(1, 'A session has at least 1 place')
    .max(10_000, 'A session has at most 10,000 places'),
  trainerIds: z.array(z.string().trim().min(1).max(128)).max(10),
  bookingOpens: LondonMomentSchema.optional(),
  bookingCloses: LondonMomentSchema.optional(),
  /** Empty when open to all. */
  bespokeLaCodes: z.array(LaCodeSchema).max(20),
  /** Minutes before each part; absent for the default reminders, empty for none. */
  reminderLeadsMinutes: ReminderLeadsSchema.optional(),
  status: z.enum(['draft', 'published']),
})
export type SessionInput = z.infer<typeof SessionInputSchema>
