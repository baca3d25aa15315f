import type { MailAudit, MailAuditEntry } from '@ey/domain'
import { PutCommand, QueryCommand } from './client/index.ts'
import { ttlAfterDays } from './items.ts'
import { keys } from './keys.ts'
import type { TableAccess } from './query.ts'

/** Days an audit entry is kept: a year of who resent or cleared what. */
export const MAIL_AUDIT_RETENTION_DAYS = 365

/**
 * The administrators' mail audit on DynamoDB: one partition, sorted by time (a few entries a day
 * at most), each entry removed by TTL after a year. `newId` tells apart entries of the same instant.
 */
export function createMailAudit(table: TableAccess & { newId: () => string }): MailAudit {
  const { doc, tableName } = table
  return {
    async record(entry) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.mailAudit(entry.at, table.newId()),
            type: 'mail-audit',
            ...entry,
            expiresAt: ttlAfterDays(MAIL_AUDIT_RETENTION_DAYS, new Date(entry.at)),
          },
        }),
      )
    },

    async recent(limit) {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.mailAuditPk },
          ScanIndexForward: false,
          Limit: limit,
        }),
      )
      return Items.map(({ at, by, action, subject }) => ({ at, by, action, subject }) as MailAuditEntry)
    },
  }
}
