import { z } from 'zod'
import { IdSchema, InstantSchema, LaCodeSchema } from './common.ts'

/** What staff read of an LA's people that the audit log records. */
export const ACCESS_AUDIT_ACTIONS = ['la-summary-csv', 'la-attendees-csv'] as const
export const AccessAuditActionSchema = z.enum(ACCESS_AUDIT_ACTIONS)
export type AccessAuditAction = z.infer<typeof AccessAuditActionSchema>

/** One read of an LA's data: who, what, which LA and period, when, and how many rows when known. */
export const AccessAuditEntrySchema = z.object({
  id: IdSchema,
  /** When it was read, UTC ISO 8601. */
  at: InstantSchema,
  action: AccessAuditActionSchema,
  staff: z.object({ sub: z.string().min(1), name: z.string().optional() }),
  laCode: LaCodeSchema,
  /** The London days the read covered, both included. */
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  rows: z.number().int().min(0).optional(),
})
export type AccessAuditEntry = z.infer<typeof AccessAuditEntrySchema>
