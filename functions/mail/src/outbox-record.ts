import { type OutboxMessage, OutboxMessageSchema } from '@ey/domain'
import type { DynamoDBRecord } from 'aws-lambda'

/**
 * The outbox message a stream record announces: only the insert of an outbox item counts
 * (its later status changes come through the stream too, and must not send it again).
 */
export function outboxMessageOf(record: DynamoDBRecord): OutboxMessage | undefined {
  const image = record.dynamodb?.NewImage
  if (record.eventName !== 'INSERT' || !image?.pk?.S?.startsWith('OUTBOX#')) return undefined
  const parsed = OutboxMessageSchema.safeParse({
    id: image.id?.S,
    kind: image.kind?.S,
    bookingId: image.bookingId?.S,
    createdAt: image.createdAt?.S,
  })
  if (!parsed.success) throw new MalformedOutboxItemError(image.pk.S)
  return parsed.data
}

/** An outbox item that can never be sent as it stands; retrying it would only block the stream. */
export class MalformedOutboxItemError extends Error {
  constructor(pk: string) {
    super(`Malformed outbox item ${pk}`)
    this.name = 'MalformedOutboxItemError'
  }
}
