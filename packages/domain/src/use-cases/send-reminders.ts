import type { OutboxStore } from '../outbox-ports.ts'
import type { BookingRepository, SessionStore } from '../ports.ts'
import type { ReminderSchedule } from '../reminder-ports.ts'
import { hasConfirmedPlace } from '../rules/booking-state.ts'
import { reminderMessageId } from '../rules/reminders.ts'
import type { DueReminder } from '../schemas/reminder.ts'
import type { Session } from '../schemas/session.ts'

/** What the reminders job needs. */
export interface ReminderJobDeps {
  reminders: Pick<ReminderSchedule, 'dueReminders' | 'clearReminder'>
  sessions: Pick<SessionStore, 'getSession' | 'liveBookingIds'>
  bookings: Pick<BookingRepository, 'getBooking'>
  outbox: Pick<OutboxStore, 'enqueue'>
}

/** What one run did: reminders queued (one per booking), and due entries dropped as stale or superseded. */
export interface ReminderReport extends Record<string, number> {
  queued: number
  stale: number
  superseded: number
}

/**
 * Queues the reminders due by `now`, one `booking-reminder` per booking holding a confirmed place,
 * and clears each due entry once handled. A part that has started (or moved, been cancelled or
 * unpublished since its entry was written) gets nothing. When several leads of one part are due
 * at once, after downtime, only the latest (shortest lead) is sent. Message ids are deterministic,
 * so a run repeated, or one that stopped part-way, sends nothing twice.
 */
export async function sendReminders(deps: ReminderJobDeps, now: Date): Promise<ReminderReport> {
  const report: ReminderReport = { queued: 0, stale: 0, superseded: 0 }
  for (const due of groupByPart(await deps.reminders.dueReminders(now))) {
    const first = due[0]
    if (!first) continue
    const session = await deps.sessions.getSession(first.sessionId)
    const startsAt = session?.status === 'published' ? session.parts[first.part]?.startsAt : undefined
    const current = due.filter((reminder) => reminder.partStartsAt === startsAt)
    const latest = current.reduce<DueReminder | undefined>(
      (best, reminder) => (best && best.leadMinutes <= reminder.leadMinutes ? best : reminder),
      undefined,
    )
    const ahead = latest && new Date(latest.partStartsAt) > now ? latest : undefined
    if (session && ahead) report.queued += await queueReminders(deps, session, ahead, now)
    for (const reminder of due) {
      if (reminder === ahead) continue
      if (ahead && current.includes(reminder)) report.superseded++
      else report.stale++
      await deps.reminders.clearReminder(reminder, now)
    }
    if (ahead) await deps.reminders.clearReminder(ahead, now)
  }
  return report
}

/** Due reminders of the same part together. */
function groupByPart(reminders: DueReminder[]): DueReminder[][] {
  const groups = new Map<string, DueReminder[]>()
  for (const reminder of reminders) {
    const key = `${reminder.sessionId}#${reminder.part}`
    groups.set(key, [...(groups.get(key) ?? []), reminder])
  }
  return [...groups.values()]
}

/** Queues the reminder for every booking of the session holding a confirmed place; how many were new. */
async function queueReminders(
  deps: ReminderJobDeps,
  session: Session,
  reminder: DueReminder,
  now: Date,
): Promise<number> {
  let queued = 0
  for (const bookingId of await deps.sessions.liveBookingIds(session.id)) {
    const booking = await deps.bookings.getBooking(bookingId)
    if (!booking || booking.sessionId !== session.id || !hasConfirmedPlace(booking.status)) continue
    const written = await deps.outbox.enqueue({
      id: reminderMessageId(booking.id, reminder),
      kind: 'booking-reminder',
      bookingId: booking.id,
      part: reminder.part,
      leadMinutes: reminder.leadMinutes,
      partStartsAt: reminder.partStartsAt,
      createdAt: now.toISOString(),
    })
    if (written) queued++
  }
  return queued
}
