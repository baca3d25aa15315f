import { randomUUID } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { Session } from '@ey/domain'
import { createDynamoSessionStore, ensureTable } from '@ey/dynamodb'
import { LOCAL_CREDENTIALS } from '@ey/local-stack'
import { documentClient } from '@ey/runtime'
import { inject } from 'vitest'

export interface TestTable {
  tableName: string
  client: DynamoDBClient
  doc: DynamoDBDocumentClient
}

/** The client settings for a DynamoDB Local: the run's unless another endpoint is given. */
export function localDynamoConfig(endpoint = inject('dynamoEndpoint')) {
  return { endpoint, region: 'eu-west-2', credentials: LOCAL_CREDENTIALS }
}

/** Creates a table of its own (the one table definition, stream included) for a test file or test. */
export async function createTestTable(): Promise<TestTable> {
  const client = new DynamoDBClient(localDynamoConfig())
  const tableName = `test-${randomUUID()}`
  await ensureTable(client, tableName)
  return { tableName, client, doc: documentClient(client) }
}

/** The table of a running local stack (the browser tests'), to arrange data in it. */
export function stackTable(stack: { dynamoEndpoint: string; tableName: string }): TestTable {
  const client = new DynamoDBClient(localDynamoConfig(stack.dynamoEndpoint))
  return { tableName: stack.tableName, client, doc: documentClient(client) }
}

/**
 * Stores new sessions the way production does, through the administrators' session store (the
 * trainers' index items included); build them with `makeSession`.
 */
export async function storeSessions(
  table: Pick<TestTable, 'doc' | 'tableName'>,
  ...sessions: Session[]
): Promise<void> {
  await createDynamoSessionStore(table).createSessions(sessions)
}
