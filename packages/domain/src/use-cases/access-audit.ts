import type { AccessAudit, AuditPosition } from '../audit-ports.ts'
import type { Clock, IdSource } from '../ports.ts'
import { type DayRange, reportPeriod } from '../rules/take-up.ts'
import type { AccessAuditAction, AccessAuditEntry, AuditedSession } from '../schemas/access-audit.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'

/** What recording a read of personal data needs. */
export interface StaffReadDeps {
  audit: AccessAudit
  clock: Clock
  ids: Pick<IdSource, 'newId'>
}

/** A read of personal data by staff, as the audit log records it: what, and what it covered. */
export interface StaffRead {
  action: AccessAuditAction
  laCode?: string
  period?: DayRange
  session?: AuditedSession
  rows?: number
}

/**
 * Records that the signed-in staff member reads personal data, once they are known to be allowed
 * to and before anything is shown, so a read that cannot be recorded fails instead of going
 * unrecorded. The one way every audited read is written.
 */
export async function recordStaffRead(
  deps: StaffReadDeps,
  principal: StaffPrincipal,
  read: StaffRead,
): Promise<void> {
  await deps.audit.record({
    id: deps.ids.newId(),
    at: deps.clock.now().toISOString(),
    action: read.action,
    staff: { sub: principal.sub, ...(principal.name ? { name: principal.name } : {}) },
    ...(read.laCode === undefined ? {} : { laCode: read.laCode }),
    ...(read.period === undefined ? {} : { period: read.period }),
    ...(read.session === undefined ? {} : { session: read.session }),
    ...(read.rows === undefined ? {} : { rows: read.rows }),
  })
}

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
