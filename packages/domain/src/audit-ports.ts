import type { DayRange } from './rules/take-up.ts'
import type { AccessAuditEntry } from './schemas/access-audit.ts'

/** Where a page of the audit log ended: the last entry listed. */
export interface AuditPosition {
  at: string
  id: string
}

/** Which entries to list: made on the period's London days, of one LA or all, after a position. */
export interface AuditListQuery {
  period: DayRange
  laCode?: string
  after?: AuditPosition
  limit: number
}

/**
 * The audit log of reads of LA data (downloads, views of the attendee list). Entries are only
 * ever added; administrators list them, newest first.
 */
export interface AccessAudit {
  /** Records an entry; a read whose entry cannot be written must not go ahead. */
  record(entry: AccessAuditEntry): Promise<void>
  /** Entries made on the period's days, newest first, `limit` at most, and where the next page starts. */
  list(query: AuditListQuery): Promise<{ entries: AccessAuditEntry[]; next?: AuditPosition }>
}
