import { randomUUID } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { ensureTable } from '@ey/dynamodb'
import { LOCAL_CREDENTIALS } from '@ey/local-stack'
import { documentClient } from '@ey/runtime'
import { inject } from 'vitest'

export interface TestTable {
  tableName: string
  client: DynamoDBClient
  doc: DynamoDBDocumentClient
}

/** The client settings for the run's DynamoDB Local. */
export function localDynamoConfig() {
  return { endpoint: inject('dynamoEndpoint'), region: 'eu-west-2', credentials: LOCAL_CREDENTIALS }
}

/** Creates a table of its own (the one table definition, stream included) for a test file or test. */
export async function createTestTable(): Promise<TestTable> {
  const client = new DynamoDBClient(localDynamoConfig())
  const tableName = `test-${randomUUID()}`
  await ensureTable(client, tableName)
  return { tableName, client, doc: documentClient(client) }
}
