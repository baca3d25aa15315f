import * as z from 'zod'
import { HttpsUrlSchema, IdSchema, InstantSchema, LaCodeSchema } from './common.ts'

export const SessionFormatSchema = z.enum(['online', 'in-person', 'hybrid'])
export type SessionFormat = z.infer<typeof SessionFormatSchema>

/** draft: not visible; published: listed and bookable per its window; cancelled: takes no bookings. */
export const SessionStatusSchema = z.enum(['draft', 'published', 'cancelled'])
export type SessionStatus = z.infer<typeof SessionStatusSchema>

export const VenueSchema = z.object({
  name: z.string().min(1).max(200),
  address: z.array(z.string().min(1).max(200)).min(1).max(6),
  postcode: z.string().min(2).max(10),
  laCode: LaCodeSchema,
  accessibility: z.string().max(2000).optional(),
})
export type Venue = z.infer<typeof VenueSchema>

export const SessionPartSchema = z.object({
  startsAt: InstantSchema,
  endsAt: InstantSchema,
})
export type SessionPart = z.infer<typeof SessionPartSchema>

/** The shortest and longest time before a part that a reminder can be set for, in minutes. */
export const REMINDER_LEAD_BOUNDS = { min: 15, max: 14 * 24 * 60 } as const

/** The most reminders a session has before each part. */
export const MAX_REMINDER_LEADS = 4

/**
 * How long before each part its reminders go, in minutes, at most `MAX_REMINDER_LEADS`. A whole number of days
 * counts in London calendar days, so a 2-day reminder comes at the part's own wall-clock time.
 */
export const ReminderLeadsSchema = z
  .array(
    z
      .number({ error: 'Choose when reminders go from the list' })
      .int('Choose when reminders go from the list')
      .min(REMINDER_LEAD_BOUNDS.min, 'A reminder goes at least 15 minutes before a part')
      .max(REMINDER_LEAD_BOUNDS.max, 'A reminder goes at most 14 days before a part'),
  )
  .max(MAX_REMINDER_LEADS, `Choose at most ${MAX_REMINDER_LEADS} reminders`)

/** The most parts a session has (a course over a term of weekly twilights). */
export const MAX_SESSION_PARTS = 12

export const SessionSchema = z.object({
  id: IdSchema,
  courseId: IdSchema,
  title: z.string().min(1).max(200),
  parts: z.array(SessionPartSchema).min(1).max(MAX_SESSION_PARTS),
  format: SessionFormatSchema,
  venue: VenueSchema.optional(),
  /** Shared only with people holding a place; `https:` only. */
  joiningUrl: HttpsUrlSchema.optional(),
  capacity: z.number().int().min(1).max(10_000),
  /** Places held: confirmed, offered, attended or no-show bookings. */
  heldCount: z.number().int().min(0),
  waitingCount: z.number().int().min(0),
  bookingOpensAt: InstantSchema.optional(),
  bookingClosesAt: InstantSchema.optional(),
  /** Empty when open to all; otherwise only people from these LAs may book. */
  bespokeLaCodes: z.array(LaCodeSchema),
  trainerIds: z.array(z.string()),
  /** Absent: the default reminders (`DEFAULT_REMINDER_LEADS_MINUTES`); empty: none. */
  reminderLeadsMinutes: ReminderLeadsSchema.optional(),
  status: SessionStatusSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
})
export type Session = z.infer<typeof SessionSchema>

/** The details of a session copied onto a booking when it is made. */
export const SessionSnapshotSchema = SessionSchema.pick({
  title: true,
  courseId: true,
  parts: true,
  format: true,
  venue: true,
})
export type SessionSnapshot = z.infer<typeof SessionSnapshotSchema>

/** First part's start. */
export function sessionStart(session: Pick<Session, 'parts'>): Date {
  return new Date(session.parts[0]?.startsAt ?? Number.NaN)
}

/** Last part's end. */
export function sessionEnd(session: Pick<Session, 'parts'>): Date {
  return new Date(session.parts.at(-1)?.endsAt ?? Number.NaN)
}

/** What a booking keeps of its session. */
export function snapshotOf(session: Session): SessionSnapshot {
  const { title, courseId, parts, format, venue } = session
  return venue ? { title, courseId, parts, format, venue } : { title, courseId, parts, format }
}
