import { marshall } from '@aws-sdk/util-dynamodb'
import type { DynamoDBRecord, DynamoDBStreamEvent } from '@ey/local-stack'

let sequence = 0

/** The stream's announcement of an item's insert, as Lambda hands it to a handler. */
export function insertRecord(item: Record<string, unknown>): DynamoDBRecord {
  sequence++
  const image = marshall(item, { removeUndefinedValues: true }) as NonNullable<
    NonNullable<DynamoDBRecord['dynamodb']>['NewImage']
  >
  return {
    eventID: `event-${sequence}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    dynamodb: {
      Keys: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } },
      NewImage: image,
      SequenceNumber: String(1_000_000 + sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  }
}

/** The stream's announcement of a change (or removal) of the item with these keys; the handler reads only the keys. */
export function changeRecord(
  eventName: 'MODIFY' | 'REMOVE',
  key: { pk: string; sk: string },
): DynamoDBRecord {
  sequence++
  return {
    eventID: `event-${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    dynamodb: {
      Keys: { pk: { S: key.pk }, sk: { S: key.sk } },
      SequenceNumber: String(1_000_000 + sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  }
}

/** One stream batch of the given records. */
export const streamEvent = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records })
