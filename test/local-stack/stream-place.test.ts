import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { ensureTable } from '@ey/dynamodb'
import { DocumentClient, PutCommand } from '@ey/dynamodb/client'
import {
  type DynamoDBStreamEvent,
  fileCheckpoint,
  type LocalService,
  type StreamCheckpoint,
  startDynamoDbLocal,
  startStreamPoller,
} from '@ey/local-stack'
import { afterAll, describe, expect, it } from 'vitest'
import { localDynamoConfig } from '../support/dynamo.ts'

const folders: string[] = []
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'ey-stream-place-'))
  folders.push(made)
  return made
}

/** Polls the table's stream until drained, then stops; answers the keys handed over, in order. */
async function pollOnce(dynamo: LocalService, checkpoint?: StreamCheckpoint): Promise<string[]> {
  const keys: string[] = []
  const poller = startStreamPoller({
    client: localDynamoConfig(dynamo.endpoint),
    tableName: 'kept',
    pollIntervalMs: 50,
    ...(checkpoint ? { checkpoint } : {}),
    handler: async (event: DynamoDBStreamEvent) => {
      keys.push(...event.Records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?'))
    },
  })
  await poller.drain(20_000)
  await poller.stop()
  return keys
}

async function put(dynamo: LocalService, ...keys: string[]): Promise<void> {
  const doc = new DocumentClient(localDynamoConfig(dynamo.endpoint))
  for (const pk of keys) await doc.send(new PutCommand({ TableName: 'kept', Item: { pk, sk: 'A' } }))
}

describe('a stream poller keeping its place in a file', () => {
  it('goes on after its place on a copy of DynamoDB Local’s data, whose stream still holds every record', async () => {
    const original = folder()
    const first = await startDynamoDbLocal({ dataDir: join(original, 'dynamodb') })
    try {
      await ensureTable(new DynamoDBClient(localDynamoConfig(first.endpoint)), 'kept')
      await put(first, 'a', 'b', 'c')
      expect(await pollOnce(first, fileCheckpoint(join(original, 'streams', 'test.json')))).toEqual([
        'a',
        'b',
        'c',
      ])
    } finally {
      await first.stop()
    }

    const copy = folder()
    cpSync(original, copy, { recursive: true })
    const second = await startDynamoDbLocal({ dataDir: join(copy, 'dynamodb') })
    try {
      await put(second, 'd')
      expect(await pollOnce(second, fileCheckpoint(join(copy, 'streams', 'test.json')))).toEqual(['d'])
      // The copy's stream has all four: it is the kept place that passed the first three.
      expect(await pollOnce(second)).toEqual(['a', 'b', 'c', 'd'])
    } finally {
      await second.stop()
    }
  }, 60_000)
})
