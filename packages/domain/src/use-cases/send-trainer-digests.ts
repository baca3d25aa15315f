import type { OutboxStore } from '../outbox-ports.ts'
import type { SessionStore } from '../ports.ts'
import type { RegisterRepository } from '../register-ports.ts'
import type { ReminderSchedule } from '../reminder-ports.ts'
import { isOnRegister } from '../rules/register-rules.ts'
import { digestMessageId } from '../rules/reminders.ts'
import type { DueDigestPart } from '../schemas/reminder.ts'
import type { Session } from '../schemas/session.ts'
import type { StaffMember } from '../schemas/staff-member.ts'
import type { StaffDirectory } from '../staff-ports.ts'
import { londonParts } from '../time.ts'

/** What the trainer digest job needs. */
export interface DigestJobDeps {
  reminders: Pick<ReminderSchedule, 'dueDigestParts' | 'clearDigestPart'>
  sessions: Pick<SessionStore, 'getSession'>
  outbox: Pick<OutboxStore, 'enqueue'>
}

/** What one run did: digests queued (one per trainer and date), and due parts dropped as stale. */
export interface DigestReport extends Record<string, number> {
  queued: number
  stale: number
}

/**
 * Queues one `trainer-digest` per trainer and London date for the parts whose digest is due by
 * `now` (the morning before each part), then clears those parts. A date already past in London is
 * stale and gets nothing; a part moved to another date, or of a session no longer published, adds
 * nobody. Ids are deterministic (trainer and date), so a repeated run sends nothing twice.
 */
export async function sendTrainerDigests(deps: DigestJobDeps, now: Date): Promise<DigestReport> {
  const report: DigestReport = { queued: 0, stale: 0 }
  const today = londonParts(now).date
  const byDate = new Map<string, DueDigestPart[]>()
  for (const entry of await deps.reminders.dueDigestParts(now)) {
    byDate.set(entry.date, [...(byDate.get(entry.date) ?? []), entry])
  }
  for (const [date, entries] of byDate) {
    const trainers = new Set<string>()
    for (const entry of entries) {
      const session = date < today ? undefined : await deps.sessions.getSession(entry.sessionId)
      if (!session || !isOnDate(session, entry.part, date)) report.stale++
      else for (const id of session.trainerIds) trainers.add(id)
    }
    for (const staffSub of [...trainers].sort()) {
      const id = digestMessageId(staffSub, date)
      const createdAt = now.toISOString()
      if (await deps.outbox.enqueue({ id, kind: 'trainer-digest', staffSub, date, createdAt }))
        report.queued++
    }
    for (const entry of entries) await deps.reminders.clearDigestPart(entry, now)
  }
  return report
}

/** Whether the session is published and its part still falls on the London date. */
function isOnDate(session: Session, part: number, date: string): boolean {
  const startsAt = session.parts[part]?.startsAt
  return (
    session.status === 'published' && startsAt !== undefined && londonParts(new Date(startsAt)).date === date
  )
}

/** One part in a trainer's digest, as it stands when the digest is sent. */
export interface DigestPart {
  session: Session
  part: number
  /** People holding a place, as the register lists them. */
  booked: number
  /** The waiting list, places on offer included, as the register lists it. */
  waiting: number
  /**
   * What people holding a place wrote about their access needs. Names come with them because the
   * trainer's register already shows these names beside these needs; no other personal data does.
   */
  accessNeeds: { name: string; needs: string }[]
}

/** A trainer's digest of one London date. */
export interface TrainerDigest {
  trainer: StaffMember
  date: string
  parts: DigestPart[]
}

/** What reading a digest at send time needs. */
export interface DigestReadDeps {
  reminders: Pick<ReminderSchedule, 'trainerParts'>
  sessions: Pick<SessionStore, 'getSession'>
  registers: Pick<RegisterRepository, 'sessionBookings'>
  staffDirectory: Pick<StaffDirectory, 'get'>
}

/**
 * The trainer's parts on the date as they are now, each with its numbers and access needs;
 * undefined when the trainer is no longer in the directory or runs nothing that day any more.
 */
export async function readTrainerDigest(
  deps: DigestReadDeps,
  staffSub: string,
  date: string,
): Promise<TrainerDigest | undefined> {
  const trainer = await deps.staffDirectory.get(staffSub)
  if (!trainer) return undefined
  const parts: DigestPart[] = []
  for (const { sessionId, part } of await deps.reminders.trainerParts(staffSub, date)) {
    const session = await deps.sessions.getSession(sessionId)
    if (!session?.trainerIds.includes(staffSub) || !isOnDate(session, part, date)) continue
    const bookings = await deps.registers.sessionBookings(sessionId)
    const booked = bookings.filter((booking) => isOnRegister(booking.status))
    parts.push({
      session,
      part,
      booked: booked.length,
      waiting: bookings.filter((b) => b.status === 'waiting' || b.status === 'offered').length,
      accessNeeds: booked.flatMap(({ person }) =>
        person.accessNeeds ? [{ name: person.name, needs: person.accessNeeds }] : [],
      ),
    })
  }
  return parts.length > 0 ? { trainer, date, parts } : undefined
}
