import {
  OUTBOX_MAX_ATTEMPTS,
  type OutboxMessage,
  type OutboxStore,
  type UndeliverableAddresses,
} from '@ey/domain'
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

/** Records a permanent bounce of the address and answers the id it is kept under. */
export async function markUndeliverable(
  undeliverable: UndeliverableAddresses,
  address: string,
): Promise<string> {
  await undeliverable.mark({ address, reason: 'bounce', detail: 'Permanent/General', at: NOW.toISOString() })
  const entry = (await undeliverable.list()).find((listed) => listed.address === address)
  if (!entry) throw new Error('the address was not recorded')
  return entry.id
}
