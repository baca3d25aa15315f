import type { OutboxMessage } from '@ey/domain'
import { deliverOutboxItem, type OutboxDeliveryDeps } from '@ey/mail'
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { MalformedOutboxItemError, outboxMessageOf } from './outbox-record.ts'

/** What the stream handler needs: what delivering an outbox item needs. */
export type MailHandlerDeps = OutboxDeliveryDeps

type RecordOutcome = 'done' | 'retry'

/**
 * The stream handler that sends outbox emails: the fast path. Each record is handled on its own
 * through the shared delivery. A failed send is left to the sweeper, which tries it again when its
 * backoff is over; a record that could not be claimed (or that another sender holds) is reported in
 * `batchItemFailures` for Lambda (or the local poller) to retry a few times, while the others go on;
 * whatever the stream gives up on is still due, and the sweeper sends it. Records already sent are
 * recognised by their claim and not resent.
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
  switch (await deliverOutboxItem(deps, message)) {
    case 'sent':
    case 'skipped':
    case 'finished':
    case 'failed':
    case 'parked':
      return 'done'
    case 'busy':
    case 'unclaimed':
      return 'retry'
  }
}
