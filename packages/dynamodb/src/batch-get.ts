import { RepositoryError } from '@ey/domain'
import { eachAtMost } from './at-most.ts'
import { BatchGetCommand } from './client/index.ts'
import type { TableAccess } from './query.ts'
import { backoff, type RetryPolicy } from './retry.ts'

type Key = Record<string, unknown>
type Item = Record<string, unknown>

/** DynamoDB's limit on the keys of one BatchGetItem call. */
const BATCH_GET_LIMIT = 100

/** Calls of one read under way at once: a long list is read in a quarter of the round trips' time. */
const BATCH_GET_CONCURRENCY = 4

/**
 * The items of these keys, in no particular order (a key with no item is left out), read 100 keys
 * a call, up to 4 calls at once (strongly consistent when `consistent` is set). Keys DynamoDB
 * leaves unprocessed (it was throttled, or the answer reached 16 MB) are asked for again after a
 * jittered backoff; when some are still left after the policy's attempts, a `RepositoryError`
 * says how many.
 */
export async function batchGet(
  table: TableAccess,
  keys: Key[],
  policy: RetryPolicy,
  options: { consistent?: boolean } = {},
): Promise<Item[]> {
  const chunks: Key[][] = []
  for (let i = 0; i < keys.length; i += BATCH_GET_LIMIT) chunks.push(keys.slice(i, i + BATCH_GET_LIMIT))
  const read: Item[][] = []
  await eachAtMost(chunks, BATCH_GET_CONCURRENCY, async (chunk, n) => {
    read[n] = await getChunk(table, chunk, keys.length, policy, options)
  })
  return read.flat()
}

async function getChunk(
  table: TableAccess,
  chunk: Key[],
  asked: number,
  policy: RetryPolicy,
  options: { consistent?: boolean },
): Promise<Item[]> {
  const items: Item[] = []
  let pending = chunk
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await backoff(policy, attempt - 1)
    const answer = await table.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [table.tableName]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) },
        },
      }),
    )
    items.push(...(answer.Responses?.[table.tableName] ?? []))
    pending = answer.UnprocessedKeys?.[table.tableName]?.Keys ?? []
    if (pending.length > 0 && attempt + 1 >= policy.maxAttempts) {
      const cause = new Error(
        `${pending.length} of ${asked} keys unprocessed after ${policy.maxAttempts} attempts`,
      )
      throw new RepositoryError('BatchGet left keys unprocessed', cause)
    }
  }
  return items
}
