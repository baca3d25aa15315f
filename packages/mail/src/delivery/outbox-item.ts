import {
  type Clock,
  nextOutboxAttempt,
  OUTBOX_MAX_ATTEMPTS,
  type OutboxDelivery,
  type OutboxMessage,
  type OutboxOutcome,
  type OutboxStore,
} from '@ey/domain'
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
  /** A number in [0, 1): spreads the retries of emails that failed together. */
  random: () => number
}

/**
 * Delivers one outbox item, once whoever asks (the stream handler and the sweeper both come through
 * here): claims it, so no other sender takes it; renders and sends it; marks it sent or skipped. A
 * failed send puts it back to pending, due again after its backoff, or parks it after its last
 * attempt, as does a claim taken over from senders that died once too often.
 */
export async function deliverOutboxItem(
  deps: OutboxDeliveryDeps,
  message: OutboxMessage,
): Promise<OutboxOutcome> {
  const log = logOf(message)

  let attempts: number
  try {
    const claim = await deps.outbox.claim(message.id, deps.clock.now())
    if (claim.outcome === 'finished') return 'finished'
    if (claim.outcome === 'in-progress') {
      deps.logger.warn('Outbox item is being sent by another invocation', log)
      return 'busy'
    }
    attempts = claim.attempts
    if (claim.takenOver && attempts >= OUTBOX_MAX_ATTEMPTS) {
      return await park(deps, { message, error: 'ClaimAbandoned', attempts })
    }
  } catch (error) {
    deps.logger.error('Outbox item could not be claimed', { ...log, error: errorName(error) })
    return 'unclaimed'
  }

  let delivery: Awaited<ReturnType<typeof deliver>>
  try {
    delivery = await deliver(deps, message)
  } catch (error) {
    return await failed(deps, { message, error: errorName(error), attempts: attempts + 1 })
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
    // The email has gone (or rightly will not), but the item stays claimed: once the claim is stale
    // the sweeper takes it over and sends it again. One email twice is better than none.
    deps.logger.error('Outbox item could not be closed after delivery', { ...log, error: errorName(error) })
  }
  return delivery.outcome
}

/** The delivery the sweeper calls: the same as the stream's. */
export function outboxDelivery(deps: OutboxDeliveryDeps): OutboxDelivery {
  return { deliver: (message) => deliverOutboxItem(deps, message) }
}

/** A failed attempt: the item, its attempts so far with this one, and the error's name. */
interface Failure {
  message: OutboxMessage
  error: string
  attempts: number
}

/** Back to pending until its backoff is over, or parked after its last attempt. */
async function failed(deps: OutboxDeliveryDeps, failure: Failure): Promise<OutboxOutcome> {
  const { message, error, attempts } = failure
  const at = deps.clock.now()
  const retryAt = nextOutboxAttempt(attempts, at, deps.random())
  if (!retryAt) return park(deps, failure)
  deps.logger.warn('Email not sent; it will be retried', {
    ...logOf(message),
    attempts,
    error,
    retryAt: retryAt.toISOString(),
  })
  try {
    await deps.outbox.markFailed(message.id, { error, at, attempts, retryAt })
  } catch (markError) {
    // The item stays claimed: once the claim is stale the sweeper takes it again, so it is not lost.
    deps.logger.error('Outbox item could not be returned to pending', {
      ...logOf(message),
      error: errorName(markError),
    })
  }
  return 'failed'
}

/** What the log says when an email is parked: the alarm on parked emails counts these lines. */
export const PARKED_EMAIL_LOG = 'Email parked after its last attempt; administrators can resend it'

async function park(deps: OutboxDeliveryDeps, { message, error, attempts }: Failure): Promise<OutboxOutcome> {
  deps.logger.error(PARKED_EMAIL_LOG, {
    ...logOf(message),
    attempts,
    error,
  })
  try {
    await deps.outbox.park(message.id, { error, at: deps.clock.now(), attempts })
  } catch (parkError) {
    deps.logger.error('Outbox item could not be parked', { ...logOf(message), error: errorName(parkError) })
  }
  return 'parked'
}

/** What the log says of an item: its id and kind, nothing personal. */
function logOf(message: OutboxMessage) {
  return { outboxId: message.id, kind: message.kind }
}

/**
 * What is recorded of a failure: its name only. Provider messages can quote the recipient's
 * address, and neither the logs nor the table may hold it.
 */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError'
}
