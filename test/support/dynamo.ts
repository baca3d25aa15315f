import { randomUUID } from 'node:crypto'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { type ManageTokens, type Session, snapshotOf } from '@ey/domain'
import { bookingItem, createDynamoSessionStore, ensureTable } from '@ey/dynamodb'
import { BatchWriteCommand, type BatchWriteCommandOutput, DocumentClient } from '@ey/dynamodb/client'
import { LOCAL_CREDENTIALS } from '@ey/local-stack'
import { inject } from 'vitest'
import { makeBooking, makePerson } from './factories.ts'

export interface TestTable {
  tableName: string
  client: DynamoDBClient
  doc: DocumentClient
}

/** The client settings for a DynamoDB Local: the run's unless another endpoint is given. */
export function localDynamoConfig(endpoint = inject('dynamoEndpoint')) {
  return { endpoint, region: 'eu-west-2', credentials: LOCAL_CREDENTIALS }
}

/**
 * Creates a table of its own (the one table definition, stream included) for a test file or test,
 * in the run's DynamoDB Local unless another endpoint is given.
 */
export async function createTestTable(endpoint?: string): Promise<TestTable> {
  const client = new DynamoDBClient(localDynamoConfig(endpoint))
  const tableName = `test-${randomUUID()}`
  await ensureTable(client, tableName)
  return { tableName, client, doc: new DocumentClient(localDynamoConfig(endpoint)) }
}

/** The table of a running local stack (the browser tests'), to arrange data in it. */
export function stackTable(stack: { dynamoEndpoint: string; tableName: string }): TestTable {
  const client = new DynamoDBClient(localDynamoConfig(stack.dynamoEndpoint))
  return {
    tableName: stack.tableName,
    client,
    doc: new DocumentClient(localDynamoConfig(stack.dynamoEndpoint)),
  }
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

/**
 * Confirmed bookings of a session written straight to the table, 25 a BatchWrite call, for tests
 * about what happens after booking (registers, check-in), four calls at a time: thousands take
 * seconds, not minutes.
 * Each comes with the manage token `tokens` would have issued for it.
 */
export async function seedBookings(
  table: Pick<TestTable, 'doc' | 'tableName'>,
  session: Session,
  count: number,
  tokens: ManageTokens,
): Promise<{ id: string; token: string }[]> {
  const made = Array.from({ length: count }, (_, n) => {
    const id = `bk_${session.id}_${String(n).padStart(5, '0')}`
    const email = `person-${n}@${session.id}.example.org`
    const token = tokens.issue(id)
    const booking = makeBooking({
      id,
      reference: `${String(n).padStart(4, '0')}-SEED`,
      sessionId: session.id,
      person: makePerson({ email }),
      emailKey: email,
      manageTokenHash: tokens.hash(token),
      session: snapshotOf(session),
    })
    return { booking, token }
  })
  const write = async (from: number) => {
    let pending: Record<string, unknown>[] | undefined = made
      .slice(from, from + 25)
      .map(({ booking }) => ({ PutRequest: { Item: bookingItem.to(booking) } }))
    while (pending && pending.length > 0) {
      const answer: BatchWriteCommandOutput = await table.doc.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }),
      )
      pending = answer.UnprocessedItems?.[table.tableName]
    }
  }
  // Four calls in flight at a time.
  for (let i = 0; i < made.length; i += 100) {
    await Promise.all([i, i + 25, i + 50, i + 75].filter((from) => from < made.length).map(write))
  }
  return made.map(({ booking, token }) => ({ id: booking.id, token }))
}
