import { type Session, sessionStart } from '@ey/domain'
import { DeleteCommand, PutCommand } from './client/index.ts'
import { indexKeys, keys } from './keys.ts'
import { queryPrefix, type TableAccess } from './query.ts'

/** The items that index a session under each of its trainers ("my sessions"). */
function trainerAssignmentItems(session: Session): Record<string, unknown>[] {
  const startsAt = sessionStart(session).toISOString()
  return session.trainerIds.map((trainerId) => ({
    ...keys.trainerAssignment(session.id, trainerId),
    ...indexKeys.trainerSessions(trainerId, startsAt, session.id),
    type: 'trainer-assignment',
    sessionId: session.id,
    trainerId,
  }))
}

/**
 * Brings a session's trainer index in line with its `trainerIds` and start, after the session
 * store wrote it: puts the current assignments and deletes those of trainers removed. Idempotent,
 * so it can run again after a failure.
 */
export async function syncTrainerAssignments(table: TableAccess, session: Session): Promise<void> {
  const { doc, tableName } = table
  const previous = await queryPrefix(table, keys.session(session.id).pk, keys.trainerAssignmentPrefix)
  const current = trainerAssignmentItems(session)
  for (const item of current) await doc.send(new PutCommand({ TableName: tableName, Item: item }))
  const kept = new Set(current.map((item) => item.sk))
  for (const item of previous.filter((old) => !kept.has(old.sk))) {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }))
  }
}
