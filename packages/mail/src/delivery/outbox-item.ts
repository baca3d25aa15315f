import type { Clock, OutboxMessage, OutboxStore } from '@ey/domain'
import { type DeliveryDeps, deliver } from './deliver.ts'

/** Where delivery reports what it did: structured entries, never an address, name or token. */
export interface DeliveryLog {
  info(message: string, attributes: Record<string, unknown>): void
  warn(message: string, attributes: Record<string, unknown>): void
  error(message: string, attributes: Record<string, unknown>): void
}

/** What delivering an outbox item needs: the delivery itself, the outbox's bookkeeping, a clock, a log. */
export interface OutboxDeliveryDeps extends DeliveryDeps {
  outbox: OutboxStore
  clock: Clock
  logger: DeliveryLog
}

/**
 * What became of an outbox item: `sent` or `skipped` (closed now), `failed` (put back to pending
 * for another attempt), `finished` (already closed by an earlier delivery), `busy` (another sender
 * holds a fresh claim), `unclaimed` (the claim itself failed; the item is as it was).
 */
export type OutboxOutcome = 'sent' | 'skipped' | 'failed' | 'finished' | 'busy' | 'unclaimed'

/**
 * Delivers one outbox item, once whoever asks: claims it (so no other sender takes it), renders
 * and sends it, and marks it sent or skipped; a failure puts it back to pending for another attempt.
 * The stream handler and the sweeper both come through here.
 */
export async function deliverOutboxItem(
  deps: OutboxDeliveryDeps,
  message: OutboxMessage,
): Promise<OutboxOutcome> {
  const log = { outboxId: message.id, kind: message.kind }

  let attempts: number
  try {
    const claim = await deps.outbox.claim(message.id, deps.clock.now())
    if (claim.outcome === 'finished') return 'finished'
    if (claim.outcome === 'in-progress') {
      deps.logger.warn('Outbox item is being sent by another invocation', log)
      return 'busy'
    }
    attempts = claim.attempts
  } catch (error) {
    deps.logger.error('Outbox item could not be claimed', { ...log, error: errorName(error) })
    return 'unclaimed'
  }

  let delivery: Awaited<ReturnType<typeof deliver>>
  try {
    delivery = await deliver(deps, message)
  } catch (error) {
    deps.logger.warn('Email not sent; it will be retried', {
      ...log,
      attempts: attempts + 1,
      error: errorName(error),
    })
    await markFailed(deps, message.id, error)
    return 'failed'
  }

  try {
    if (delivery.outcome === 'sent') {
      await deps.outbox.markSent(message.id, { messageId: delivery.messageId, at: deps.clock.now() })
      deps.logger.info('Email sent', { ...log, messageId: delivery.messageId })
    } else {
      await deps.outbox.markSkipped(message.id, { reason: delivery.reason, at: deps.clock.now() })
      deps.logger.info('Email skipped', { ...log, reason: delivery.reason })
    }
  } catch (error) {
    // The email has gone (or rightly will not): retrying would send it twice. The item stays
    // claimed, which no later record reopens; the log keeps the evidence.
    deps.logger.error('Outbox item could not be closed after delivery', { ...log, error: errorName(error) })
  }
  return delivery.outcome
}

async function markFailed(deps: OutboxDeliveryDeps, id: string, error: unknown): Promise<void> {
  try {
    await deps.outbox.markFailed(id, { error: errorName(error), at: deps.clock.now() })
  } catch (markError) {
    // The item stays claimed: once the claim is stale a retry takes it again, so the email is not lost.
    deps.logger.error('Outbox item could not be returned to pending', {
      outboxId: id,
      error: errorName(markError),
    })
  }
}

/**
 * What is recorded of a failure: its name only. Provider messages can quote the recipient's
 * address, and neither the logs nor the table may hold it.
 */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError'
}
