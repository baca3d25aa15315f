import * as z from 'zod'
import { IdSchema, InstantSchema } from './common.ts'

/** One reminder of one part: sent `leadMinutes` before the part, at `at`. */
export const ReminderTimeSchema = z.object({
  part: z.number().int().min(0),
  leadMinutes: z.number().int().positive(),
  /** The part's start the reminder was timed for: when the part moves, so does the reminder. */
  partStartsAt: InstantSchema,
  at: InstantSchema,
})
export type ReminderTime = z.infer<typeof ReminderTimeSchema>

/** One part in its trainers' digest: the list for `date` (London) goes at `at`, the morning before. */
export const DigestTimeSchema = z.object({
  part: z.number().int().min(0),
  /** The part's London date, `YYYY-MM-DD`. */
  date: z.iso.date(),
  startsAt: InstantSchema,
  trainerIds: z.array(z.string()),
  at: InstantSchema,
})
export type DigestTime = z.infer<typeof DigestTimeSchema>

/** A reminder that has fallen due: one lead before one part of a session. */
export const DueReminderSchema = ReminderTimeSchema.extend({ sessionId: IdSchema })
export type DueReminder = z.infer<typeof DueReminderSchema>

/** A part whose trainers' digest has fallen due (the morning before its London date). */
export const DueDigestPartSchema = DigestTimeSchema.extend({ sessionId: IdSchema })
export type DueDigestPart = z.infer<typeof DueDigestPartSchema>
