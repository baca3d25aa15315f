import {
  OUTBOX_MAX_ATTEMPTS,
  type OutboxMessage,
  type OutboxStore,
  type UndeliverableAddresses,
} from '@ey/domain'
import { createOutboxStore, outboxItem } from '@ey/dynamodb'
import { PutCommand } from '@ey/dynamodb/client'
import type { TestTable } from './dynamo.ts'
import { makeOutboxMessage, NOW } from './factories.ts'

/** Queues an email and parks it as if its last attempt had failed with `error`. */
export async function parkEmail(
  outbox: OutboxStore,
  message: OutboxMessage = makeOutboxMessage(),
  error = 'Throttling',
): Promise<OutboxMessage> {
  await outbox.enqueue(message)
  await outbox.claim(message.id, NOW)
  await outbox.park(message.id, { error, at: NOW, attempts: OUTBOX_MAX_ATTEMPTS })
  return message
}

/**
 * Parks an email in a table whose stream a mail handler is reading (a running local stack's): the
 * item is written already claimed, so the handler, seeing it inserted, leaves it to its sender and
 * sends nothing; then the store parks it as after a last attempt that failed with `error` at `at`.
 */
export async function parkEmailBesideStream(
  table: Pick<TestTable, 'doc' | 'tableName'>,
  message: OutboxMessage,
  { error = 'Throttling', at = new Date() }: { error?: string; at?: Date } = {},
): Promise<void> {
  const claimed = { ...outboxItem.to(message), status: 'sending', claimedAt: at.toISOString() }
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: claimed }))
  await createOutboxStore(table).park(message.id, { error, at, attempts: OUTBOX_MAX_ATTEMPTS })
}

/** Records a permanent bounce of the address and answers the id it is kept under. */
export async function markUndeliverable(
  undeliverable: UndeliverableAddresses,
  address: string,
): Promise<string> {
  await undeliverable.mark({ address, reason: 'bounce', detail: 'Permanent/General', at: NOW.toISOString() })
  const entry = (await undeliverable.list(10_000)).find((listed) => listed.address === address)
  if (!entry) throw new Error('the address was not recorded')
  return entry.id
}
