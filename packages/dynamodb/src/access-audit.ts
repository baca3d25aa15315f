import {
  type AccessAudit,
  type AccessAuditEntry,
  AccessAuditEntrySchema,
  addDays,
  fromLondon,
  monthsBetween,
} from '@ey/domain'
import { PutCommand } from './client/index.ts'
import { ttlAfterDays, withoutKeys } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { type Query, queryPages, type TableAccess } from './query.ts'

/** Monthly partitions read at once while listing: a year's. */
const MONTHS_AT_ONCE = 12

/** Days an access audit entry is kept: three years of who read which LA's data. */
export const ACCESS_AUDIT_RETENTION_DAYS = 3 * 365

/**
 * The audit log of staff reads of personal data on DynamoDB: a partition per UTC month
 * (`AUDIT#<yyyy-mm>`, sorted `<at>#<id>`), and the entries of an LA's data per LA on gsi1
 * (`AUDIT_LA#<code>`), each removed by
 * TTL after three years. Lists read newest first, a year of months at a time, and stop once a page
 * is full.
 */
export function createDynamoAccessAudit(table: TableAccess): AccessAudit {
  return {
    async record(entry) {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: {
            ...keys.accessAudit(entry.at, entry.id),
            ...(entry.laCode ? indexKeys.laAccessAudit(entry.laCode, entry.at, entry.id) : {}),
            ...(entry.subject ? indexKeys.subjectAccessAudit(entry.subject, entry.at, entry.id) : {}),
            type: 'access-audit',
            ...entry,
            expiresAt: ttlAfterDays(ACCESS_AUDIT_RETENTION_DAYS, new Date(entry.at)),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
    },

    async list({ period, laCode, after, limit }) {
      const from = fromLondon(period.from, '00:00').toISOString()
      const end = fromLondon(addDays(period.to, 1), '00:00').toISOString()
      // Sort keys are `<at>#<id>`: `<end>` sorts before any entry made at `end`, and the entry a
      // cursor names is the upper bound itself, which `newest` leaves out (BETWEEN includes it).
      const upper = after ? `${after.at}#${after.id}` : end
      const queries: Query[] = laCode
        ? [between('gsi1', indexKeys.laAccessAuditPk(laCode), from, upper)]
        : monthsBetween(new Date(from), new Date(after?.at ?? end))
            .reverse()
            .map((month) => between(undefined, keys.accessAuditPk(month), from, upper))
      // A year of months at a time, each read newest first until it holds a page; in month order.
      const entries: AccessAuditEntry[] = []
      for (let i = 0; i < queries.length && entries.length <= limit; i += MONTHS_AT_ONCE) {
        const group = queries.slice(i, i + MONTHS_AT_ONCE)
        const found = await Promise.all(group.map((query) => newest(table, query, upper, limit + 1)))
        entries.push(...found.flat())
      }
      const last = entries[limit - 1]
      return {
        entries: entries.slice(0, limit),
        ...(entries.length > limit && last ? { next: { at: last.at, id: last.id } } : {}),
      }
    },
  }
}

/** The newest `count` entries a query finds (fewer when it has fewer), leaving out the cursor's own. */
async function newest(
  table: TableAccess,
  query: Query,
  cursor: string,
  count: number,
): Promise<AccessAuditEntry[]> {
  const entries: AccessAuditEntry[] = []
  for await (const page of queryPages(table, { ...query, Limit: count + 1 })) {
    for (const item of page.Items ?? []) {
      const entry = AccessAuditEntrySchema.parse(withoutKeys(item))
      if (`${entry.at}#${entry.id}` !== cursor) entries.push(entry)
    }
    if (entries.length >= count) break
  }
  return entries
}

/** Newest first, the entries of one partition (of the table, or of gsi1) with sort keys between two bounds. */
function between(index: 'gsi1' | undefined, pk: string, from: string, to: string): Query {
  const [pkName, skName] = index ? ['gsi1pk', 'gsi1sk'] : ['pk', 'sk']
  return {
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
    ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
    ScanIndexForward: false,
  }
}
