import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { LOCAL_CREDENTIALS } from './dynamodb-local.ts'
import { toLambdaRecord } from './stream-record.ts'

/** Where DynamoDB Local listens; region and credentials default to eu-west-2 and dummy keys. */
export interface LocalClientConfig {
  endpoint: string
  region?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** The signature of a Lambda DynamoDB stream handler. */
// biome-ignore lint/suspicious/noConfusingVoidType: the same result type as aws-lambda's DynamoDBStreamHandler, so handlers written for Lambda fit unchanged.
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>

export interface StreamPollerOptions {
  client: LocalClientConfig
  tableName: string
  handler: StreamHandler
  /** Records per invocation, at most 100 (DynamoDB Streams' own limit per read). */
  batchSize?: number
  /** Pause between reads when the stream is quiet. */
  pollIntervalMs?: number
  /** First pause before a failed batch is retried; doubles on each failure, up to 5 s. */
  retryDelayMs?: number
  /** Told about every failed invocation and read; defaults to console.error. */
  onError?: (error: unknown) => void
}

export interface StreamPoller {
  /** Ends the loop after the invocation in progress, if any. */
  stop(): Promise<void>
  /** Resolves once every record written before the call has been handled successfully. */
  drain(timeoutMs?: number): Promise<void>
}

interface ShardState {
  id: string
  parentId: string | undefined
  /** A closed shard gets no new records (DynamoDB Local rotates shards, as AWS does). */
  closed: boolean
  iterator: string | undefined
  /** The last record read, to resume after an expired iterator. */
  lastSequence: string | undefined
  /** Read but not yet handled successfully, in stream order. */
  pending: _Record[]
  /** Nothing more to read: once pending is empty, the shard is done and its children may start. */
  exhausted: boolean
  done: boolean
  failures: number
  retryAt: number
}

interface DrainWaiter {
  afterPass: number
  resolve(): void
  reject(error: Error): void
}

const MAX_RETRY_DELAY_MS = 5_000

/**
 * Runs a Lambda DynamoDB stream handler against a table of DynamoDB Local, the way Lambda's
 * event source mapping does in AWS: shards in order (a child only after its parent), batches in
 * order within a shard, ReportBatchItemFailures honoured (retry from the first failed record),
 * and a thrown error retries the whole batch. Records are retried until they succeed.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const region = options.client.region ?? 'eu-west-2'
  const config = {
    endpoint: options.client.endpoint,
    region,
    credentials: options.client.credentials ?? LOCAL_CREDENTIALS,
  }
  const tables = new DynamoDBClient(config)
  const streams = new DynamoDBStreamsClient(config)
  const batchSize = Math.min(options.batchSize ?? 100, 100)
  const pollIntervalMs = options.pollIntervalMs ?? 200
  const retryDelayMs = options.retryDelayMs ?? 200
  const onError = options.onError ?? ((error: unknown) => console.error('stream poller:', error))
  const aborter = new AbortController()
  const shards = new Map<string, ShardState>()
  const waiters = new Set<DrainWaiter>()
  let streamArn: string | undefined
  let stopped = false
  let passes = 0
  let lastError: unknown
  let wake: (() => void) | undefined

  const send = { abortSignal: aborter.signal }

  function report(error: unknown): void {
    lastError = error
    if (!stopped) onError(error)
  }

  async function findStreamArn(): Promise<string> {
    const { Table } = await tables.send(new DescribeTableCommand({ TableName: options.tableName }), send)
    if (Table?.LatestStreamArn === undefined) throw new Error(`table ${options.tableName} has no stream`)
    return Table.LatestStreamArn
  }

  async function refreshShards(arn: string): Promise<void> {
    let exclusiveStartShardId: string | undefined
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: exclusiveStartShardId }),
        send,
      )
      for (const shard of StreamDescription?.Shards ?? []) track(shard)
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId
    } while (exclusiveStartShardId !== undefined)
  }

  function track(shard: Shard): void {
    if (shard.ShardId === undefined) return
    const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined
    const known = shards.get(shard.ShardId)
    if (known !== undefined) {
      known.closed ||= closed
      return
    }
    shards.set(shard.ShardId, {
      id: shard.ShardId,
      parentId: shard.ParentShardId,
      closed,
      iterator: undefined,
      lastSequence: undefined,
      pending: [],
      exhausted: false,
      done: false,
      failures: 0,
      retryAt: 0,
    })
  }

  /** A parent we never saw (trimmed, or older than the stream) does not hold its child back. */
  function ready(shard: ShardState): boolean {
    const parent = shard.parentId === undefined ? undefined : shards.get(shard.parentId)
    return !shard.done && (parent === undefined || parent.done)
  }

  async function read(arn: string, shard: ShardState): Promise<void> {
    shard.iterator ??= await openIterator(arn, shard)
    if (shard.iterator === undefined) {
      shard.exhausted = true
      return
    }
    try {
      const result = await streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: batchSize }),
        send,
      )
      const records = result.Records ?? []
      shard.pending = records
      shard.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence
      shard.iterator = result.NextShardIterator
      // DynamoDB Local may keep handing out iterators at the end of a closed shard.
      shard.exhausted = shard.iterator === undefined || (shard.closed && records.length === 0)
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException))
        throw error
      shard.iterator = undefined
      if (error instanceof TrimmedDataAccessException) shard.lastSequence = undefined
    }
  }

  async function openIterator(arn: string, shard: ShardState): Promise<string | undefined> {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand(
        shard.lastSequence === undefined
          ? { StreamArn: arn, ShardId: shard.id, ShardIteratorType: 'TRIM_HORIZON' }
          : {
              StreamArn: arn,
              ShardId: shard.id,
              ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
              SequenceNumber: shard.lastSequence,
            },
      ),
      send,
    )
    return ShardIterator
  }

  /** Hands the pending records to the handler once; false when they must be retried. */
  async function deliver(arn: string, shard: ShardState): Promise<void> {
    const records = shard.pending.map((record) => toLambdaRecord(record, { region, streamArn: arn }))
    let failedAt: number | undefined
    try {
      failedAt = firstFailure(await options.handler({ Records: records }), records)
      if (failedAt !== undefined) {
        report(new Error(`handler reported a failed record at position ${failedAt} of ${records.length}`))
      }
    } catch (error) {
      report(error)
      failedAt = 0
    }
    if (failedAt === undefined) {
      shard.pending = []
      shard.failures = 0
      return
    }
    shard.pending = shard.pending.slice(failedAt)
    shard.failures = failedAt > 0 ? 1 : shard.failures + 1
    shard.retryAt = Date.now() + Math.min(retryDelayMs * 2 ** (shard.failures - 1), MAX_RETRY_DELAY_MS)
  }

  /**
   * One look at every shard. Idle means a read started during this pass found nothing new and
   * nothing is waiting to be handled: everything written before the pass began has been handled.
   */
  async function pass(): Promise<{ idle: boolean; busy: boolean }> {
    streamArn ??= await findStreamArn()
    await refreshShards(streamArn)
    let idle = true
    let busy = false
    for (const shard of shards.values()) {
      if (stopped) return { idle: false, busy: false }
      if (!ready(shard)) continue
      if (shard.pending.length === 0 && !shard.exhausted) {
        await read(streamArn, shard)
        if (shard.pending.length > 0 || shard.iterator === undefined) busy = true
      }
      if (shard.pending.length > 0) {
        idle = false
        if (Date.now() >= shard.retryAt) {
          await deliver(streamArn, shard)
          busy = true
        }
      }
      if (shard.exhausted && shard.pending.length === 0) {
        shard.done = true
        // Its children have not been looked at yet in this pass.
        idle = false
        busy = true
      }
    }
    return { idle, busy }
  }

  function settleDrains(pass: number): void {
    for (const waiter of waiters) {
      if (waiter.afterPass < pass) {
        waiters.delete(waiter)
        waiter.resolve()
      }
    }
  }

  function nextPause(): number {
    let pause = pollIntervalMs
    for (const shard of shards.values()) {
      if (shard.pending.length > 0) pause = Math.min(pause, Math.max(0, shard.retryAt - Date.now()))
    }
    return pause
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake = done
    })
  }

  async function run(): Promise<void> {
    while (!stopped) {
      const current = ++passes
      let busy = false
      try {
        const outcome = await pass()
        busy = outcome.busy
        if (outcome.idle) settleDrains(current)
      } catch (error) {
        report(error)
      }
      if (!busy && !stopped) await sleep(nextPause())
    }
  }

  const loop = run()

  return {
    async stop() {
      if (stopped) return loop
      stopped = true
      aborter.abort()
      wake?.()
      await loop
      for (const waiter of waiters) waiter.reject(new Error('stream poller stopped before draining'))
      waiters.clear()
      tables.destroy()
      streams.destroy()
    },
    drain(timeoutMs = 10_000) {
      if (stopped) return Promise.reject(new Error('stream poller is stopped'))
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : ''
          reject(
            new Error(`stream poller did not drain within ${timeoutMs} ms${reason}`, { cause: lastError }),
          )
        }, timeoutMs)
        const waiter: DrainWaiter = {
          afterPass: passes,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
          reject: (error) => {
            clearTimeout(timer)
            reject(error)
          },
        }
        waiters.add(waiter)
        wake?.()
      })
    },
  }
}

/**
 * Lambda's ReportBatchItemFailures rules: no failures is success; otherwise retry from the
 * earliest failed record; an identifier that names no record of the batch fails the whole batch.
 */
function firstFailure(
  response: Awaited<ReturnType<StreamHandler>>,
  records: DynamoDBRecord[],
): number | undefined {
  const failures = response?.batchItemFailures ?? []
  if (failures.length === 0) return undefined
  let first = records.length
  for (const failure of failures) {
    const index = records.findIndex((record) => record.dynamodb?.SequenceNumber === failure?.itemIdentifier)
    if (!failure?.itemIdentifier || index === -1) return 0
    first = Math.min(first, index)
  }
  return first
}
