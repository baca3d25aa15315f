import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams'
import { LOCAL_CREDENTIALS } from './dynamodb-local.ts'

/** A record as the DynamoDB Streams API returns it (dates as Date, binary as bytes). */
export type StreamsRecord = _Record

/** One shard as the stream lists it. A closed shard gets no new records; its children carry on. */
export interface ShardInfo {
  id: string
  parentId: string | undefined
  closed: boolean
}

/** What the poller needs from a DynamoDB stream (the port; DynamoDB Local's adapter is below). */
export interface StreamSource {
  /** The table's current stream. */
  streamArn(): Promise<string>
  /** Every shard the stream lists now, parents and children alike. */
  shards(streamArn: string): Promise<ShardInfo[]>
  /** An iterator at the shard's oldest record, or just after `afterSequence`; undefined when nothing is left. */
  iterator(streamArn: string, shardId: string, afterSequence?: string): Promise<string | undefined>
  /** Up to `limit` records and the next iterator (none at the end of a closed shard); undefined when the iterator expired. */
  records(
    iterator: string,
    limit: number,
  ): Promise<{ records: StreamsRecord[]; next: string | undefined } | undefined>
  close(): void
}

/** Where DynamoDB Local listens; region and credentials default to eu-west-2 and dummy keys. */
export interface LocalClientConfig {
  endpoint: string
  region?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** Reads a table's stream through the DynamoDB Streams API (DynamoDB Local in practice). */
export function dynamoDbStreamSource(
  client: LocalClientConfig,
  tableName: string,
  signal: AbortSignal,
): StreamSource {
  const config = {
    endpoint: client.endpoint,
    region: client.region ?? 'eu-west-2',
    credentials: client.credentials ?? LOCAL_CREDENTIALS,
  }
  const tables = new DynamoDBClient(config)
  const streams = new DynamoDBStreamsClient(config)
  const send = { abortSignal: signal }

  return {
    async streamArn() {
      const { Table } = await tables.send(new DescribeTableCommand({ TableName: tableName }), send)
      if (Table?.LatestStreamArn === undefined) throw new Error(`table ${tableName} has no stream`)
      return Table.LatestStreamArn
    },
    async shards(streamArn) {
      const shards: ShardInfo[] = []
      let exclusiveStartShardId: string | undefined
      do {
        const { StreamDescription } = await streams.send(
          new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
          send,
        )
        for (const shard of StreamDescription?.Shards ?? []) {
          if (shard.ShardId === undefined) continue
          shards.push({
            id: shard.ShardId,
            parentId: shard.ParentShardId,
            closed: shard.SequenceNumberRange?.EndingSequenceNumber !== undefined,
          })
        }
        exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId
      } while (exclusiveStartShardId !== undefined)
      return shards
    },
    async iterator(streamArn, shardId, afterSequence) {
      const from = { StreamArn: streamArn, ShardId: shardId }
      try {
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand(
            afterSequence === undefined
              ? { ...from, ShardIteratorType: 'TRIM_HORIZON' }
              : { ...from, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: afterSequence },
          ),
          send,
        )
        return ShardIterator
      } catch (error) {
        // The record we stopped after has aged out of the stream (24 h): start from the oldest left.
        if (afterSequence === undefined || !(error instanceof TrimmedDataAccessException)) throw error
        return this.iterator(streamArn, shardId)
      }
    },
    async records(iterator, limit) {
      try {
        const result = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }),
          send,
        )
        return { records: result.Records ?? [], next: result.NextShardIterator }
      } catch (error) {
        if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException)
          return undefined
        throw error
      }
    },
    close() {
      tables.destroy()
      streams.destroy()
    },
  }
}
