import { type ReminderSchedule, RepositoryError } from '@ey/domain'
import { ConditionalCheckFailedException, UpdateCommand } from './client/index.ts'
import { indexKeys, keys } from './keys.ts'
import { queryDue, queryIndex, type TableAccess } from './query.ts'
import { partDayEntry, reminderEntry } from './reminder-entries.ts'

/**
 * The reminder and digest work on DynamoDB: due entries read from gsi4, cleared by removing their
 * gsi4 keys (only while they still hold the time that was read), and the parts of a day from gsi3.
 * The session store writes the entries (`syncReminderEntries`).
 */
export function createDynamoReminderSchedule(table: TableAccess): ReminderSchedule {
  /** Takes the item out of gsi4, unless the store has given it another time since it was read. */
  async function clear(key: { pk: string; sk: string }, dueSk: string, at: Date): Promise<void> {
    try {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: key,
          UpdateExpression: 'REMOVE duePk, dueSk SET doneAt = :at',
          ConditionExpression: 'dueSk = :dueSk',
          ExpressionAttributeValues: { ':dueSk': dueSk, ':at': at.toISOString() },
        }),
      )
    } catch (error) {
      // Moved to another time or deleted since it was read: what the store wrote stands.
      if (error instanceof ConditionalCheckFailedException) return
      throw new RepositoryError('Clearing due work failed', error)
    }
  }

  return {
    async dueReminders(now) {
      return (await queryDue(table, 'reminder', now)).map(reminderEntry.from)
    },

    async clearReminder(reminder, at) {
      const key = keys.reminder(reminder.sessionId, reminder.part, reminder.leadMinutes)
      await clear(key, reminderEntry.due(reminder).dueSk, at)
    },

    async dueDigestParts(now) {
      return (await queryDue(table, 'trainer-digest', now)).map(partDayEntry.from)
    },

    async clearDigestPart(entry, at) {
      await clear(keys.partDay(entry.sessionId, entry.part), partDayEntry.due(entry).dueSk, at)
    },

    async trainerParts(staffSub, date) {
      const parts = (await queryIndex(table, 'gsi3', indexKeys.partsOnDayPk(date))).map(partDayEntry.from)
      return parts
        .filter((entry) => entry.trainerIds.includes(staffSub))
        .map(({ sessionId, part }) => ({ sessionId, part }))
    },
  }
}
