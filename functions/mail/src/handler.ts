import type { Logger } from '@aws-lambda-powertools/logger'
import type { Clock, OutboxMessage, OutboxStore } from '@ey/domain'
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { type DeliveryDeps, deliver } from './deliver.ts'
import { MalformedOutboxItemError, outboxMessageOf } from './outbox-record.ts'

export interface MailHandlerDeps extends DeliveryDeps {
  outbox: OutboxStore
  clock: Clock
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
}

type RecordOutcome = 'done' | 'retry'

/**
 * The stream handler that sends outbox emails. Each record is handled on its own: a failed one is
 * put back to pending and reported in `batchItemFailures` for Lambda (or the local poller) to
 * retry, while the others go on. Records already sent are recognised by their claim and not resent.
 */
export function createMailHandler(deps: MailHandlerDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = []
    // In stream order, so the emails about one booking leave in the order its changes happened.
    for (const record of event.Records) {
      if ((await handleRecord(deps, record)) === 'retry') {
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' })
      }
    }
    return { batchItemFailures }
  }
}

async function handleRecord(deps: MailHandlerDeps, record: DynamoDBRecord): Promise<RecordOutcome> {
  let message: OutboxMessage | undefined
  try {
    message = outboxMessageOf(record)
  } catch (error) {
    if (!(error instanceof MalformedOutboxItemError)) throw error
    deps.logger.error('Outbox item cannot be read; it will not be sent', { eventID: record.eventID })
    return 'done'
  }
  if (!message) return 'done'
  const log = { outboxId: message.id, kind: message.kind, bookingId: message.bookingId }

  let attempts: number
  try {
    const claim = await deps.outbox.claim(message.id, deps.clock.now())
    if (claim.outcome === 'finished') return 'done'
    if (claim.outcome === 'in-progress') {
      deps.logger.warn('Outbox item is being sent by another invocation; retrying later', log)
      return 'retry'
    }
    attempts = claim.attempts
  } catch (error) {
    deps.logger.error('Outbox item could not be claimed', { ...log, error: errorName(error) })
    return 'retry'
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
    return 'retry'
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
  return 'done'
}

async function markFailed(deps: MailHandlerDeps, id: string, error: unknown): Promise<void> {
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
