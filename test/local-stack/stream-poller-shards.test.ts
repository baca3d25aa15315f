import {
  type DynamoDBStreamEvent,
  pollStream,
  type StreamCheckpoint,
  type StreamPlace,
  type StreamSource,
  type StreamsRecord,
} from '@ey/local-stack'
import { describe, expect, it } from 'vitest'

/**
 * An in-memory stream whose shards can be rotated at will: DynamoDB Local rotates its shards
 * only after hours, so a test cannot wait for it.
 */
function fakeStream(options: { iteratorsPastClosedEnd?: boolean } = {}) {
  const shards: { id: string; parentId: string | undefined; closed: boolean; records: StreamsRecord[] }[] = []
  let sequence = 0
  let expireNextRead = false
  const find = (id: string) => {
    const shard = shards.find((s) => s.id === id)
    if (shard === undefined) throw new Error(`no shard ${id}`)
    return shard
  }
  const source: StreamSource = {
    streamArn: async () => 'arn:aws:dynamodb:eu-west-2:000000000000:table/t/stream/1',
    shards: async () => shards.map(({ id, parentId, closed }) => ({ id, parentId, closed })),
    iterator: async (_, shardId, after) => {
      const records = find(shardId).records
      const position =
        after === undefined ? 0 : records.findIndex((r) => r.dynamodb?.SequenceNumber === after) + 1
      return `${shardId}@${position}`
    },
    records: async (iterator, limit) => {
      if (expireNextRead) {
        expireNextRead = false
        return undefined
      }
      const [shardId = '', at = '0'] = iterator.split('@')
      const shard = find(shardId)
      const records = shard.records.slice(Number(at), Number(at) + limit)
      const end = Number(at) + records.length
      const finished = shard.closed && end >= shard.records.length && !options.iteratorsPastClosedEnd
      return { records, next: finished ? undefined : `${shardId}@${end}` }
    },
    close: () => {},
  }
  return {
    source,
    open(id: string, parentId?: string) {
      shards.push({ id, parentId, closed: false, records: [] })
    },
    close(id: string) {
      find(id).closed = true
    },
    write(shardId: string, ...keys: string[]) {
      for (const key of keys) {
        sequence += 1
        find(shardId).records.push({
          eventID: `event-${sequence}`,
          eventName: 'INSERT',
          eventVersion: '1.1',
          eventSource: 'aws:dynamodb',
          awsRegion: 'ddblocal',
          dynamodb: {
            Keys: { pk: { S: key } },
            SequenceNumber: String(sequence).padStart(21, '0'),
            SizeBytes: 10,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
        })
      }
    },
    expireNextRead() {
      expireNextRead = true
    },
  }
}

function collect(): { keys: string[]; handler: (event: DynamoDBStreamEvent) => Promise<void> } {
  const keys: string[] = []
  return {
    keys,
    handler: async (event) => {
      keys.push(...event.Records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?'))
    },
  }
}

describe('pollStream across shards', () => {
  it.each([
    ['ends a closed shard with no iterator (as AWS does)', false],
    ['keeps handing out iterators at the end of a closed shard', true],
  ])(
    'reads a rotated parent shard to its end before its child, listed first, when the stream %s',
    async (_, iteratorsPastClosedEnd) => {
      const stream = fakeStream({ iteratorsPastClosedEnd })
      stream.open('child', 'parent')
      stream.open('parent')
      stream.write('parent', 'a', 'b')
      stream.close('parent')
      stream.write('child', 'c')
      const seen = collect()
      const poller = pollStream(stream.source, { handler: seen.handler, pollIntervalMs: 10 })
      await poller.drain(2_000)
      await poller.stop()

      expect(seen.keys).toEqual(['a', 'b', 'c'])
    },
  )

  it('follows the new shard when the stream rotates while it polls', async () => {
    const stream = fakeStream()
    stream.open('first')
    stream.write('first', 'a')
    const seen = collect()
    const poller = pollStream(stream.source, { handler: seen.handler, pollIntervalMs: 10 })
    await poller.drain(2_000)
    stream.write('first', 'b')
    stream.close('first')
    stream.open('second', 'first')
    stream.write('second', 'c', 'd')
    await poller.drain(2_000)
    await poller.stop()

    expect(seen.keys).toEqual(['a', 'b', 'c', 'd'])
  })

  it('resumes after an expired iterator without losing or repeating a record', async () => {
    const stream = fakeStream()
    stream.open('only')
    stream.write('only', 'a', 'b', 'c')
    const keys: string[] = []
    const poller = pollStream(stream.source, {
      batchSize: 1,
      pollIntervalMs: 10,
      handler: async (event) => {
        keys.push(...event.Records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?'))
        if (keys.length === 1) stream.expireNextRead()
      },
    })
    await poller.drain(2_000)
    await poller.stop()

    expect(keys).toEqual(['a', 'b', 'c'])
  })
})

/** A checkpoint held in memory, with every place saved. */
function memoryCheckpoint(): StreamCheckpoint & { saved: StreamPlace[] } {
  const saved: StreamPlace[] = []
  return { saved, load: () => saved.at(-1), save: (place) => saved.push(structuredClone(place)) }
}

describe('pollStream with a checkpoint', () => {
  it('goes on after the records handled by an earlier poller, and never reads a finished shard again', async () => {
    const stream = fakeStream()
    stream.open('parent')
    stream.write('parent', 'a', 'b')
    stream.close('parent')
    stream.open('child', 'parent')
    stream.write('child', 'c')
    const checkpoint = memoryCheckpoint()
    const first = collect()
    const before = pollStream(stream.source, { handler: first.handler, pollIntervalMs: 10, checkpoint })
    await before.drain(2_000)
    await before.stop()
    stream.write('child', 'd')

    const second = collect()
    const after = pollStream(stream.source, { handler: second.handler, pollIntervalMs: 10, checkpoint })
    await after.drain(2_000)
    await after.stop()

    expect(first.keys).toEqual(['a', 'b', 'c'])
    expect(second.keys).toEqual(['d'])
    expect(checkpoint.saved.at(-1)?.shards).toEqual({
      parent: { after: expect.any(String), done: true },
      child: { after: expect.any(String), done: false },
    })
  })

  it('keeps its place before a record still failing when it stops, so the next poller hands it over again', async () => {
    const stream = fakeStream()
    stream.open('only')
    stream.write('only', 'a', 'b', 'c')
    const checkpoint = memoryCheckpoint()
    const failing = pollStream(stream.source, {
      pollIntervalMs: 10,
      retryDelayMs: 10_000,
      checkpoint,
      onError: () => {},
      handler: async (event) => {
        const index = event.Records.findIndex((record) => record.dynamodb?.Keys?.pk?.S === 'b')
        const sequence = event.Records[index]?.dynamodb?.SequenceNumber
        return { batchItemFailures: sequence ? [{ itemIdentifier: sequence }] : [] }
      },
    })
    await expect(failing.drain(300)).rejects.toThrow(/did not drain/)
    await failing.stop()

    const seen = collect()
    const next = pollStream(stream.source, { handler: seen.handler, pollIntervalMs: 10, checkpoint })
    await next.drain(2_000)
    await next.stop()

    expect(seen.keys).toEqual(['b', 'c'])
  })

  it('reads from the oldest record when the place kept is for another stream (a recreated table)', async () => {
    const stream = fakeStream()
    stream.open('only')
    stream.write('only', 'a', 'b')
    const checkpoint = memoryCheckpoint()
    checkpoint.save({
      streamArn: 'arn:aws:dynamodb:eu-west-2:000000000000:table/t/stream/0',
      shards: { only: { after: '999', done: true } },
    })
    const seen = collect()
    const poller = pollStream(stream.source, { handler: seen.handler, pollIntervalMs: 10, checkpoint })
    await poller.drain(2_000)
    await poller.stop()

    expect(seen.keys).toEqual(['a', 'b'])
  })
})
