import {
  type DocumentClient,
  paginateQuery,
  type QueryCommandInput,
  type QueryCommandOutput,
} from './client/index.ts'
import { type DueKind, dueKeys } from './keys.ts'

/** The table a repository reads, through its document client. */
export interface TableAccess {
  doc: DocumentClient
  tableName: string
}

type Item = Record<string, unknown>

/** A query of the table, without the table and the paging the helpers below add. */
export type Query = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>

/** Every page of a query, each asked for once the caller wants it: leaving the loop stops the reads. */
export function queryPages(table: TableAccess, query: Query): AsyncGenerator<QueryCommandOutput> {
  // A fresh input: the paginator writes each page's start key into the object it is given.
  return paginateQuery({ client: table.doc }, { ...query, TableName: table.tableName })
}

/** Every item a query matches, all pages read. */
export async function queryAll(table: TableAccess, query: Query): Promise<Item[]> {
  const items: Item[] = []
  for await (const page of queryPages(table, query)) items.push(...(page.Items ?? []))
  return items
}

/**
 * The first `max` items a query matches (a filter included): pages are read only until that many
 * are found, so a long partition costs no more than the answer.
 */
export async function queryUpTo(table: TableAccess, query: Query, max: number): Promise<Item[]> {
  const items: Item[] = []
  if (max <= 0) return items
  for await (const page of queryPages(table, query)) {
    items.push(...(page.Items ?? []))
    if (items.length >= max) return items.slice(0, max)
  }
  return items
}

/** Every item of one partition of a global index. */
export function queryIndex(table: TableAccess, index: 'gsi1' | 'gsi2' | 'gsi3', pk: string): Promise<Item[]> {
  return queryAll(table, {
    IndexName: index,
    KeyConditionExpression: `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': pk },
  })
}

/** Every item of a table partition whose sort key begins with `prefix`, read consistently. */
export function queryPrefix(table: TableAccess, pk: string, prefix: string): Promise<Item[]> {
  return queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ConsistentRead: true,
  })
}

/** The item of a table partition with the highest sort key beginning with `prefix`, read consistently. */
export async function queryLast(table: TableAccess, pk: string, prefix: string): Promise<Item | undefined> {
  for await (const page of queryPages(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  })) {
    return page.Items?.[0]
  }
  return undefined
}

/**
 * Every item of one kind of work that fell due at or before `now`, however long ago, soonest
 * first (gsi4, so eventually consistent: an item done a moment ago may still be listed, and the
 * write that acts on it must check its condition).
 */
export function queryDue(table: TableAccess, kind: DueKind, now: Date): Promise<Item[]> {
  return queryAll(table, {
    IndexName: 'gsi4',
    KeyConditionExpression: 'duePk = :pk AND dueSk <= :by',
    ExpressionAttributeValues: { ':pk': dueKeys.duePk(kind), ':by': dueKeys.dueBy(now) },
  })
}
