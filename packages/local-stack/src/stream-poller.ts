import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { toLambdaRecord } from './stream-record.ts'
import {
  dynamoDbStreamSource,
  type LocalClientConfig,
  type ShardInfo,
  type StreamSource,
  type StreamsRecord,
} from './stream-source.ts'

/** The signature of a Lambda DynamoDB stream handler. */
// biome-ignore lint/suspicious/noConfusingVoidType: the same result type as aws-lambda's DynamoDBStreamHandler, so handlers written for Lambda fit unchanged.
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>

/** How the records are handed over, whatever the stream. */
export interface PollOptions {
  handler: StreamHandler
  /** The region Lambda would report in each record. */
  region?: string
  /** Records per invocation, at most 100 (DynamoDB Streams' own limit per read). */
  batchSize?: number
  /** Pause between reads when the stream is quiet. */
  pollIntervalMs?: number
  /** First pause before a failed batch is retried; doubles on each failure, up to 5 s. */
  retryDelayMs?: number
  /**
   * Retries without progress after which the record still failing is given up on, as Lambda's
   * mapping does once its retry attempts are spent (defaults to `STREAM_RETRY_ATTEMPTS`).
   */
  maxRetries?: number
  /** Told about every failed invocation and read; defaults to console.error. */
  onError?: (error: unknown) => void
  /**
   * Where the poller keeps its place in the stream between runs, as Lambda's event source mapping
   * does: a poller that finds a place for the same stream starts after the records handled before
   * (each shard after its last record handled or given up on, a finished shard not read again)
   * instead of at the oldest record. Without one it starts at the oldest record (TRIM_HORIZON).
   */
  checkpoint?: StreamCheckpoint
}

/** A poller's place in one stream: per shard, the last record handled and whether it is finished. */
export interface StreamPlace {
  streamArn: string
  shards: Record<string, { after?: string; done: boolean }>
}

/** Where a poller's place is kept. */
export interface StreamCheckpoint {
  load(): StreamPlace | undefined
  save(place: StreamPlace): void
}

/**
 * A place kept in a JSON file (written whole, then renamed over the old one). A file that cannot
 * be read as a place is treated as none: the stream is read again from its oldest record, which
 * the handlers take as they take the stream's own repeats.
 */
export function fileCheckpoint(path: string): StreamCheckpoint {
  return {
    load() {
      if (!existsSync(path)) return undefined
      try {
        const place = JSON.parse(readFileSync(path, 'utf8')) as StreamPlace
        return typeof place.streamArn === 'string' && typeof place.shards === 'object' ? place : undefined
      } catch {
        return undefined
      }
    },
    save(place) {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(`${path}.next`, JSON.stringify(place))
      renameSync(`${path}.next`, path)
    },
  }
}

export interface StreamPollerOptions extends Omit<PollOptions, 'region'> {
  client: LocalClientConfig
  tableName: string
}

export interface StreamPoller {
  /** Ends the loop after the invocation in progress, if any. */
  stop(): Promise<void>
  /** Resolves once every record written before the call has been handled successfully. */
  drain(timeoutMs?: number): Promise<void>
}

interface ShardState extends ShardInfo {
  iterator: string | undefined
  /** The last record read, to resume after an expired iterator. */
  lastSequence: string | undefined
  /** The last record handled successfully or given up on: the shard's place in the checkpoint. */
  handled: string | undefined
  /** Read but not yet handled successfully, in stream order. */
  pending: StreamsRecord[]
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

// Retry pauses are waits on this machine, so they use its real time, never the stack's clock.
const MAX_RETRY_DELAY_MS = 5_000

/**
 * How often a failing record is retried before it is given up on: the same number as the mail and
 * stats functions' stream mappings in AWS (`retryAttempts`; a test holds them together), so a
 * record fails the same way here as there. An email the stream gives up on stays due in the
 * table, and the sweeper sends it.
 */
export const STREAM_RETRY_ATTEMPTS = 5

/**
 * Runs a Lambda DynamoDB stream handler against a table of DynamoDB Local, the way Lambda's
 * event source mapping does in AWS: shards in order (a child only after its parent), batches in
 * order within a shard, ReportBatchItemFailures honoured (retry from the first failed record),
 * and a thrown error retries the whole batch. As with the mapping's retry attempts and
 * bisection, a record that still fails after `maxRetries` retries is given up on (told to
 * `onError`) and the records after it go on.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const aborter = new AbortController()
  const source = dynamoDbStreamSource(options.client, options.tableName, aborter.signal)
  const poller = pollStream(source, { ...options, region: options.client.region ?? 'eu-west-2' })
  return {
    drain: poller.drain,
    async stop() {
      // Abort reads in flight so stopping never waits on a slow or vanished endpoint.
      const stopped = poller.stop()
      aborter.abort()
      await stopped
    },
  }
}

/** The polling engine behind startStreamPoller, for any StreamSource. Closes the source on stop. */
export function pollStream(source: StreamSource, options: PollOptions): StreamPoller {
  const region = options.region ?? 'eu-west-2'
  const batchSize = Math.min(options.batchSize ?? 100, 100)
  const pollIntervalMs = options.pollIntervalMs ?? 200
  const retryDelayMs = options.retryDelayMs ?? 200
  const maxRetries = options.maxRetries ?? STREAM_RETRY_ATTEMPTS
  const onError = options.onError ?? ((error: unknown) => console.error('stream poller:', error))
  const shards = new Map<string, ShardState>()
  const waiters = new Set<DrainWaiter>()
  let streamArn: string | undefined
  let stopped = false
  let passes = 0
  let lastError: unknown
  let wake: (() => void) | undefined
  /** The place loaded from the checkpoint, once the stream is known; shards are taken up from it. */
  let restored: StreamPlace['shards'] = {}
  /** The place moved since it was last saved. */
  let moved = false

  function report(error: unknown): void {
    lastError = error
    if (!stopped) onError(error)
  }

  async function refreshShards(arn: string): Promise<void> {
    for (const shard of await source.shards(arn)) {
      const known = shards.get(shard.id)
      if (known !== undefined) {
        known.closed ||= shard.closed
        continue
      }
      const place = restored[shard.id]
      shards.set(shard.id, {
        ...shard,
        iterator: undefined,
        lastSequence: place?.after,
        handled: place?.after,
        pending: [],
        exhausted: place?.done ?? false,
        done: place?.done ?? false,
        failures: 0,
        retryAt: 0,
      })
    }
  }

  /** Takes up the checkpoint's place when it is for this stream (a recreated table has a new one). */
  function restore(arn: string): void {
    const place = options.checkpoint?.load()
    if (place?.streamArn === arn) restored = place.shards
  }

  function save(): void {
    if (!moved || streamArn === undefined || options.checkpoint === undefined) return
    const place: StreamPlace = { streamArn, shards: {} }
    for (const shard of shards.values()) {
      place.shards[shard.id] = { ...(shard.handled ? { after: shard.handled } : {}), done: shard.done }
    }
    try {
      options.checkpoint.save(place)
      moved = false
    } catch (error) {
      report(error)
    }
  }

  /** A parent we never saw (trimmed, or older than the stream) does not hold its child back. */
  function ready(shard: ShardState): boolean {
    const parent = shard.parentId === undefined ? undefined : shards.get(shard.parentId)
    return !shard.done && (parent === undefined || parent.done)
  }

  /** Reads the next records into pending; false when the iterator had expired and nothing was read. */
  async function read(arn: string, shard: ShardState): Promise<boolean> {
    shard.iterator ??= await source.iterator(arn, shard.id, shard.lastSequence)
    if (shard.iterator === undefined) {
      shard.exhausted = true
      return true
    }
    const result = await source.records(shard.iterator, batchSize)
    if (result === undefined) {
      shard.iterator = undefined
      return false
    }
    shard.pending = result.records
    shard.lastSequence = result.records.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequence
    shard.iterator = result.next
    // DynamoDB Local may keep handing out iterators at the end of a closed shard.
    shard.exhausted = result.next === undefined || (shard.closed && result.records.length === 0)
    return true
  }

  /** Hands the pending records to the handler once; on failure keeps what must be retried and sets the backoff. */
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
      handled(shard, shard.pending.at(-1))
      shard.pending = []
      shard.failures = 0
      return
    }
    handled(shard, shard.pending[failedAt - 1])
    shard.pending = shard.pending.slice(failedAt)
    shard.failures = failedAt > 0 ? 1 : shard.failures + 1
    if (shard.failures > maxRetries) {
      const [given] = shard.pending.splice(0, 1)
      handled(shard, given)
      report(
        new Error(
          `gave up on record ${given?.dynamodb?.SequenceNumber ?? '?'} after ${maxRetries} retries, as Lambda would`,
        ),
      )
      shard.failures = 0
      return
    }
    shard.retryAt = Date.now() + Math.min(retryDelayMs * 2 ** (shard.failures - 1), MAX_RETRY_DELAY_MS)
  }

  function handled(shard: ShardState, record: StreamsRecord | undefined): void {
    const sequence = record?.dynamodb?.SequenceNumber
    if (sequence === undefined) return
    shard.handled = sequence
    moved = true
  }

  /**
   * One look at every shard. Idle means a read started during this pass found nothing new and
   * nothing is waiting to be handled: everything written before the pass began has been handled.
   */
  async function pass(): Promise<{ idle: boolean; busy: boolean }> {
    if (streamArn === undefined) {
      const arn = await source.streamArn()
      restore(arn)
      streamArn = arn
    }
    await refreshShards(streamArn)
    let idle = true
    let busy = false
    for (const shard of shards.values()) {
      if (stopped) return { idle: false, busy: false }
      if (!ready(shard)) continue
      if (shard.pending.length === 0 && !shard.exhausted) {
        if (!(await read(streamArn, shard))) {
          idle = false
          busy = true
        }
        if (shard.pending.length > 0) busy = true
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
        moved = true
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
      save()
      if (!busy && !stopped) await sleep(nextPause())
    }
  }

  const loop = run()

  return {
    async stop() {
      if (stopped) return loop
      stopped = true
      wake?.()
      await loop
      for (const waiter of waiters) waiter.reject(new Error('stream poller stopped before draining'))
      waiters.clear()
      source.close()
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
