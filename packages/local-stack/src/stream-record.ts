import type { _Record, AttributeValue } from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue, StreamRecord } from 'aws-lambda'

type LambdaImage = Record<string, LambdaAttributeValue>

/**
 * Turns a record read with the DynamoDB Streams API into the record Lambda hands a stream
 * handler: dates become epoch seconds, binary becomes base64, the stream ARN and the region are
 * added, and absent fields stay absent (Lambda's JSON carries no nulls for them).
 */
export function toLambdaRecord(
  record: _Record,
  source: { region: string; streamArn: string },
): DynamoDBRecord {
  const stream = record.dynamodb ?? {}
  const dynamodb: StreamRecord = {}
  if (stream.ApproximateCreationDateTime !== undefined) {
    dynamodb.ApproximateCreationDateTime = Math.floor(stream.ApproximateCreationDateTime.getTime() / 1000)
  }
  if (stream.Keys !== undefined) dynamodb.Keys = toLambdaImage(stream.Keys)
  if (stream.NewImage !== undefined) dynamodb.NewImage = toLambdaImage(stream.NewImage)
  if (stream.OldImage !== undefined) dynamodb.OldImage = toLambdaImage(stream.OldImage)
  if (stream.SequenceNumber !== undefined) dynamodb.SequenceNumber = stream.SequenceNumber
  if (stream.SizeBytes !== undefined) dynamodb.SizeBytes = stream.SizeBytes
  if (stream.StreamViewType !== undefined) dynamodb.StreamViewType = stream.StreamViewType
  const converted: DynamoDBRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    // DynamoDB Local reports its own pseudo-region ("ddblocal"); Lambda reports the table's.
    awsRegion: source.region,
    dynamodb,
    eventSourceARN: source.streamArn,
  }
  // Present only for deletions made by TTL, as in AWS.
  if (record.userIdentity !== undefined) converted.userIdentity = record.userIdentity
  return converted
}

function toLambdaImage(image: Record<string, AttributeValue>): LambdaImage {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]))
}

function toLambdaValue(value: AttributeValue): LambdaAttributeValue {
  if (value.B !== undefined) return { B: base64(value.B) }
  if (value.BS !== undefined) return { BS: value.BS.map(base64) }
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) }
  if (value.M !== undefined) return { M: toLambdaImage(value.M) }
  if (value.S !== undefined) return { S: value.S }
  if (value.N !== undefined) return { N: value.N }
  if (value.SS !== undefined) return { SS: value.SS }
  if (value.NS !== undefined) return { NS: value.NS }
  if (value.BOOL !== undefined) return { BOOL: value.BOOL }
  if (value.NULL !== undefined) return { NULL: value.NULL }
  // The Streams client reads an empty map ({"M":{}}) back as an empty object: nothing else is empty.
  if (Object.keys(value).length === 0) return { M: {} }
  throw new Error(`unsupported attribute value type: ${Object.keys(value).join(', ')}`)
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}
