import {
  DEFAULT_REMINDER_LEADS_MINUTES,
  type DueDigestPart,
  DueDigestPartSchema,
  type DueReminder,
  DueReminderSchema,
  digestTimes,
  reminderTimes,
  type Session,
} from '@ey/domain'
import { DeleteCommand, PutCommand } from './client/index.ts'
import { dueKeys, indexKeys, keys } from './keys.ts'
import { queryPrefix, type TableAccess } from './query.ts'

type Item = Record<string, unknown>

/** Attributes of an entry's bookkeeping, not of what it stands for. */
const BOOKKEEPING = new Set(['pk', 'sk', 'type', 'gsi3pk', 'gsi3sk', 'duePk', 'dueSk', 'doneAt'])

function entityOf(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !BOOKKEEPING.has(name)))
}

/** A reminder item: in the session's partition, and in gsi4's `DUE#reminder` until it is done. */
export const reminderEntry = {
  to: (reminder: DueReminder): Item => ({
    ...keys.reminder(reminder.sessionId, reminder.part, reminder.leadMinutes),
    type: 'reminder',
    ...reminder,
  }),
  due: (reminder: DueReminder) =>
    dueKeys.due('reminder', reminder.at, `${reminder.sessionId}#${reminder.part}#${reminder.leadMinutes}`),
  from: (item: Item): DueReminder => DueReminderSchema.parse(entityOf(item)),
}

/**
 * A part-day item: in the session's partition, in gsi3's `DAY#<date>` (the parts of a day) while
 * the session is published, and in gsi4's `DUE#trainer-digest` until its digest is done.
 */
export const partDayEntry = {
  to: (entry: DueDigestPart): Item => ({
    ...keys.partDay(entry.sessionId, entry.part),
    ...indexKeys.partsOnDay(entry.date, entry.startsAt, entry.sessionId, entry.part),
    type: 'part-day',
    ...entry,
  }),
  due: (entry: DueDigestPart) => dueKeys.due('trainer-digest', entry.at, `${entry.sessionId}#${entry.part}`),
  from: (item: Item): DueDigestPart => DueDigestPartSchema.parse(entityOf(item)),
}

/** JSON with sorted keys: stored items come back with their attributes in any order. */
function canonical(item: Item): string {
  return JSON.stringify(Object.entries(entityOf(item)).sort(([a], [b]) => a.localeCompare(b)))
}

/**
 * Brings a session's reminders and part-day items in line with the session as just written: an
 * entry whose time and details are unchanged is left as it is (done or still due), a new or
 * changed one is written due, and one the session no longer has (a part removed, a lead dropped,
 * the session unpublished or cancelled) is deleted. Idempotent, so it can run again after a failure.
 * A session that sets no reminder leads of its own gets `defaultLeads`, the deployment's.
 */
export async function syncReminderEntries(
  table: TableAccess,
  session: Session,
  defaultLeads: readonly number[] = DEFAULT_REMINDER_LEADS_MINUTES,
): Promise<void> {
  const { doc, tableName } = table
  const pk = keys.session(session.id).pk
  const [reminders, days] = await Promise.all([
    queryPrefix(table, pk, keys.reminderPrefix),
    queryPrefix(table, pk, keys.partDayPrefix),
  ])
  const existing = new Map([...reminders, ...days].map((item) => [String(item.sk), item]))
  const wanted = [
    ...reminderTimes(session, defaultLeads).map((time) => {
      const reminder = { ...time, sessionId: session.id }
      return { item: reminderEntry.to(reminder), due: reminderEntry.due(reminder) }
    }),
    ...digestTimes(session).map((time) => {
      const entry = { ...time, sessionId: session.id }
      return { item: partDayEntry.to(entry), due: partDayEntry.due(entry) }
    }),
  ]
  const kept = new Set(wanted.map(({ item }) => String(item.sk)))
  const stale = [...existing.values()].filter((item) => !kept.has(String(item.sk)))
  const changed = wanted.filter(({ item }) => {
    const old = existing.get(String(item.sk))
    return !old || canonical(old) !== canonical(item)
  })
  await Promise.all([
    ...changed.map(({ item, due }) =>
      doc.send(new PutCommand({ TableName: tableName, Item: { ...item, ...due } })),
    ),
    ...stale.map((item) =>
      doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } })),
    ),
  ])
}
