import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { OutboxMessage } from '@ey/domain'
import { keys, outboxItem } from '@ey/dynamodb'
import type { DynamoDBRecord } from 'aws-lambda'

const OUTBOX_PREFIX = keys.outbox('').pk

/**
 * The outbox message a stream record announces: only the insert of an outbox item counts
 * (its later status changes come through the stream too, and must not send it again).
 */
export function outboxMessageOf(record: DynamoDBRecord): OutboxMessage | undefined {
  const image = record.dynamodb?.NewImage
  if (record.eventName !== 'INSERT' || !image?.pk?.S?.startsWith(OUTBOX_PREFIX)) return undefined
  try {
    // aws-lambda's attribute type is the SDK's, written out again.
    return outboxItem.from(unmarshall(image as Parameters<typeof unmarshall>[0]))
  } catch {
    throw new MalformedOutboxItemError(image.pk.S)
  }
}

/** An outbox item that can never be sent as it stands; retrying it would only block the stream. */
export class MalformedOutboxItemError extends Error {
  constructor(pk: string) {
    super(`Malformed outbox item ${pk}`)
    this.name = 'MalformedOutboxItemError'
  }
}
