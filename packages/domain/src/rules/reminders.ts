import { MINUTE_MS } from '../config.ts'
import type { DigestTime, ReminderTime } from '../schemas/reminder.ts'
import {
  MAX_REMINDER_LEADS,
  REMINDER_LEAD_BOUNDS,
  ReminderLeadsSchema,
  type Session,
} from '../schemas/session.ts'
import { addDays, fromLondon, londonParts } from '../time.ts'

const DAY_MINUTES = 24 * 60

/**
 * Reminders of a session that sets none of its own, unless the deployment says otherwise
 * (`REMINDER_LEADS_MINUTES`): 2 days and 2 hours before each part.
 */
export const DEFAULT_REMINDER_LEADS_MINUTES: readonly number[] = [2 * DAY_MINUTES, 2 * 60]

/** The London time at which trainers get the list of their parts of the next day. */
export const TRAINER_DIGEST_TIME = '07:00'

/**
 * The session's reminder leads, longest first: its own, or the deployment's `defaults` when it
 * sets none.
 */
export function reminderLeadsOf(
  session: Pick<Session, 'reminderLeadsMinutes'>,
  defaults: readonly number[] = DEFAULT_REMINDER_LEADS_MINUTES,
): number[] {
  return longestFirst(session.reminderLeadsMinutes ?? defaults)
}

/** Reminder leads as sessions keep them: longest first, each once. */
export function longestFirst(leads: readonly number[]): number[] {
  return [...new Set(leads)].sort((a, b) => b - a)
}

/** What a list of default reminder leads must be, said once for every place that reads one. */
export const REMINDER_LEADS_RULE = `whole minutes separated by commas, each from ${REMINDER_LEAD_BOUNDS.min} to ${REMINDER_LEAD_BOUNDS.max}, at most ${MAX_REMINDER_LEADS} of them (empty for no reminders)`

/**
 * Default reminder leads written as text (`2880,120`): whole minutes separated by commas, each
 * within `REMINDER_LEAD_BOUNDS`, no more than a session may have; empty text means no reminders.
 * Gives them longest first without repeats, or `undefined` when the text is not such a list.
 */
export function parseReminderLeads(text: string): number[] | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return []
  const parts = trimmed.split(',').map((part) => part.trim())
  if (!parts.every((part) => /^\d+$/.test(part))) return undefined
  const leads = ReminderLeadsSchema.safeParse(parts.map(Number))
  return leads.success ? longestFirst(leads.data) : undefined
}

/**
 * When a reminder `leadMinutes` before `startsAt` goes. Whole days are London calendar days at the
 * part's own wall-clock time (a 4pm part's 2-day reminder comes at 4pm, across a change of the
 * clocks too); what is left over is plain minutes before that.
 */
export function reminderAt(startsAt: string, leadMinutes: number): Date {
  const start = new Date(startsAt)
  const days = Math.floor(leadMinutes / DAY_MINUTES)
  const { date, time } = londonParts(start)
  const sameTime = days === 0 ? start : fromLondon(addDays(date, -days), time)
  return new Date(sameTime.getTime() - (leadMinutes - days * DAY_MINUTES) * MINUTE_MS)
}

/**
 * Every reminder a session's parts should have: none unless it is published; a session that sets
 * no leads of its own has the deployment's `defaults`.
 */
export function reminderTimes(
  session: Session,
  defaults: readonly number[] = DEFAULT_REMINDER_LEADS_MINUTES,
): ReminderTime[] {
  if (session.status !== 'published') return []
  const leads = reminderLeadsOf(session, defaults)
  return session.parts.flatMap((part, i) =>
    leads.map((leadMinutes) => ({
      part: i,
      leadMinutes,
      partStartsAt: part.startsAt,
      at: reminderAt(part.startsAt, leadMinutes).toISOString(),
    })),
  )
}

/** Each part's place in its trainers' digests: none unless the session is published and has trainers. */
export function digestTimes(session: Session): DigestTime[] {
  if (session.status !== 'published' || session.trainerIds.length === 0) return []
  const trainerIds = [...session.trainerIds].sort()
  return session.parts.map((part, i) => {
    const date = londonParts(new Date(part.startsAt)).date
    return {
      part: i,
      date,
      startsAt: part.startsAt,
      trainerIds,
      at: fromLondon(addDays(date, -1), TRAINER_DIGEST_TIME).toISOString(),
    }
  })
}

/** `2026-03-16T16:00:00.000Z` → `20260316T1600Z`: an instant as a short part of an id. */
function compact(instant: string): string {
  return new Date(instant).toISOString().slice(0, 16).replaceAll(/[-:]/g, '').concat('Z')
}

/**
 * The outbox id of one reminder to one booking: the same booking, part, lead and part start
 * always give the same id, so queuing it again sends nothing twice, while a part moved to another
 * time gets reminders of its own.
 */
export function reminderMessageId(bookingId: string, reminder: Omit<ReminderTime, 'at'>): string {
  return `booking-reminder-${bookingId}-${reminder.part}-${reminder.leadMinutes}-${compact(reminder.partStartsAt)}`
}

/** The outbox id of one trainer's digest of one London date: one email per trainer per date. */
export function digestMessageId(staffSub: string, date: string): string {
  return `trainer-digest-${staffSub}-${date}`
}
