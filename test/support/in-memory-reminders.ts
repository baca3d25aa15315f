import {
  type DueDigestPart,
  type DueReminder,
  digestTimes,
  type ReminderSchedule,
  reminderTimes,
  type Session,
} from '@ey/domain'

/** A reminder or part-day entry: what it stands for, and whether it is still due. */
interface Entry<T> {
  value: T
  due: boolean
}

/** The reminder schedule in memory, kept in line by the in-memory session store like the DynamoDB one. */
export interface InMemoryReminderSchedule extends ReminderSchedule {
  /** Brings the session's entries in line with it: what the session store does after each write. */
  sync(session: Session): void
  /** Every reminder entry, due or done (a test's view). */
  reminderEntries(): Entry<DueReminder>[]
}

/** Builds an empty schedule. */
export function createInMemoryReminderSchedule(): InMemoryReminderSchedule {
  const reminders = new Map<string, Entry<DueReminder>>()
  const days = new Map<string, Entry<DueDigestPart>>()
  const reminderKey = (r: Pick<DueReminder, 'sessionId' | 'part' | 'leadMinutes'>) =>
    `${r.sessionId}#${r.part}#${r.leadMinutes}`
  const dayKey = (d: Pick<DueDigestPart, 'sessionId' | 'part'>) => `${d.sessionId}#${d.part}`
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

  function syncInto<T extends { sessionId: string }>(
    entries: Map<string, Entry<T>>,
    sessionId: string,
    wanted: T[],
    keyOf: (value: T) => string,
  ): void {
    const kept = new Set(wanted.map(keyOf))
    for (const [key, entry] of entries) {
      if (entry.value.sessionId === sessionId && !kept.has(key)) entries.delete(key)
    }
    for (const value of wanted) {
      const old = entries.get(keyOf(value))
      if (!old || !same(old.value, value))
        entries.set(keyOf(value), { value: structuredClone(value), due: true })
    }
  }

  const dueBy = <T extends { at: string }>(entries: Map<string, Entry<T>>, now: Date) =>
    [...entries.values()]
      .filter((entry) => entry.due && new Date(entry.value.at) <= now)
      .map((entry) => structuredClone(entry.value))
      .sort((a, b) => a.at.localeCompare(b.at))

  /** Like the adapter's condition: only the entry still holding the time that was read is cleared. */
  function clear<T extends { at: string }>(entry: Entry<T> | undefined, at: string): void {
    if (entry && entry.value.at === at) entry.due = false
  }

  return {
    sync(session) {
      const sessionId = session.id
      syncInto(
        reminders,
        sessionId,
        reminderTimes(session).map((t) => ({ ...t, sessionId })),
        reminderKey,
      )
      syncInto(
        days,
        sessionId,
        digestTimes(session).map((t) => ({ ...t, sessionId })),
        dayKey,
      )
    },
    reminderEntries: () => [...reminders.values()].map((entry) => structuredClone(entry)),
    dueReminders: async (now) => dueBy(reminders, now),
    clearReminder: async (reminder) => clear(reminders.get(reminderKey(reminder)), reminder.at),
    dueDigestParts: async (now) => dueBy(days, now),
    clearDigestPart: async (entry) => clear(days.get(dayKey(entry)), entry.at),
    trainerParts: async (staffSub, date) =>
      [...days.values()]
        .map((entry) => entry.value)
        .filter((value) => value.date === date && value.trainerIds.includes(staffSub))
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
        .map(({ sessionId, part }) => ({ sessionId, part })),
  }
}
