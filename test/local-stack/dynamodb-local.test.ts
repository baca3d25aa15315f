import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { ensureTable } from '@ey/dynamodb'
import { LOCAL_CREDENTIALS, startDynamoDbLocal } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'
import { answersBeyondLoopback } from '../support/loopback.ts'

function clientFor(endpoint: string, region: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 })
}

describe('startDynamoDbLocal', () => {
  it('refuses a relative data directory, which the jar would resolve inside node_modules', async () => {
    await expect(startDynamoDbLocal({ dataDir: 'data/dynamodb' })).rejects.toThrow(/absolute path/)
  })

  it('listens on 127.0.0.1 alone, and keeps tables across restarts in its data directory, whatever region a client names', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ddb-local-'))
    try {
      const first = await startDynamoDbLocal({ dataDir })
      expect(await answersBeyondLoopback(first.port)).toBe(false)
      await ensureTable(clientFor(first.endpoint, 'eu-west-2'), 'kept')
      await first.stop()
      await expect(clientFor(first.endpoint, 'eu-west-2').send(new ListTablesCommand({}))).rejects.toThrow()

      const second = await startDynamoDbLocal({ dataDir })
      try {
        // -sharedDb: one database, not one per region and access key.
        const { TableNames } = await clientFor(second.endpoint, 'us-east-1').send(new ListTablesCommand({}))
        expect(TableNames).toEqual(['kept'])
      } finally {
        await second.stop()
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
