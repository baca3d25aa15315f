import { type DynamoDBStreamEvent, pollStream, type StreamSource, type StreamsRecord } from '@ey/local-stack'
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
