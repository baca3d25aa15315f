import type { AccessAudit, AuditPosition } from '../audit-ports.ts'
import { type DayRange, reportPeriod } from '../rules/take-up.ts'
import type { AccessAuditEntry } from '../schemas/access-audit.ts'

/** Entries on a page of the audit log. */
export const AUDIT_PAGE_SIZE = 50

/** What an administrator asks of the audit log: the London days entries were made on, an LA, a page. */
export interface AuditLogQuery extends Partial<DayRange> {
  laCode?: string
  after?: AuditPosition
}

/**
 * A page of the audit log, newest first: entries made on the period's London days (default this
 * academic year, as `reportPeriod` says), of one LA or all, after the position a previous page ended at.
 */
export function readAuditLog(
  deps: { audit: AccessAudit },
  query: AuditLogQuery,
  now: Date,
): Promise<{ entries: AccessAuditEntry[]; next?: AuditPosition }> {
  const period = reportPeriod({ from: query.from, to: query.to }, now)
  return deps.audit.list({
    period,
    ...(query.laCode ? { laCode: query.laCode } : {}),
    ...(query.after ? { after: query.after } : {}),
    limit: AUDIT_PAGE_SIZE,
  })
}
