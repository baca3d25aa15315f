import type { DueDigestPart, DueReminder } from './schemas/reminder.ts'

/**
 * The work the reminder and digest jobs find due. The session store writes it whenever a session
 * is created or saved (from `reminderTimes` and `digestTimes`), so it follows every reschedule,
 * publication and cancellation; the jobs read what is due and clear what they have done.
 */
export interface ReminderSchedule {
  /** Every reminder due at or before `now` and not yet cleared, however old. */
  dueReminders(now: Date): Promise<DueReminder[]>
  /** Marks the reminder done; a reminder the store has since moved to another time stays due. */
  clearReminder(reminder: DueReminder, at: Date): Promise<void>
  /** Every part whose digest is due at or before `now` and not yet cleared. */
  dueDigestParts(now: Date): Promise<DueDigestPart[]>
  /** Marks the part's digest done; one the store has since moved stays due. */
  clearDigestPart(entry: DueDigestPart, at: Date): Promise<void>
  /** The parts on a London date (`YYYY-MM-DD`) of published sessions the trainer runs, by start. */
  trainerParts(staffSub: string, date: string): Promise<{ sessionId: string; part: number }[]>
}
