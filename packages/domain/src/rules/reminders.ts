import { MINUTE_MS } from '../config.ts'
import type { DigestTime, ReminderTime } from '../schemas/reminder.ts'
import type { Session } from '../schemas/session.ts'
import { addDays, fromLondon, londonParts } from '../time.ts'

const DAY_MINUTES = 24 * 60

/** Reminders of a session that sets none of its own: 2 days and 2 hours before each part. */
export const DEFAULT_REMINDER_LEADS_MINUTES: readonly number[] = [2 * DAY_MINUTES, 2 * 60]

/** The London time at which trainers get the list of their parts of the next day. */
export const TRAINER_DIGEST_TIME = '07:00'

/** The session's reminder leads, longest first: its own, or the defaults when it sets none. */
export function reminderLeadsOf(session: Pick<Session, 'reminderLeadsMinutes'>): number[] {
  const leads = session.reminderLeadsMinutes ?? DEFAULT_REMINDER_LEADS_MINUTES
  return [...new Set(leads)].sort((a, b) => b - a)
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

/** Every reminder a session's parts should have: none unless it is published. */
export function reminderTimes(session: Session): ReminderTime[] {
  if (session.status !== 'published') return []
  const leads = reminderLeadsOf(session)
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
