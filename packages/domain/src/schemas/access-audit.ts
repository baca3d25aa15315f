import { z } from 'zod'
import { IdSchema, InstantSchema, LaCodeSchema } from './common.ts'

/**
 * What staff read of an LA's people that the audit log records, and an administrator's subject
 * access: an export of everything held about one address, or its erasure.
 */
export const ACCESS_AUDIT_ACTIONS = [
  'la-summary-csv',
  'la-attendees-csv',
  'subject-export',
  'subject-erase',
] as const
export const AccessAuditActionSchema = z.enum(ACCESS_AUDIT_ACTIONS)
export type AccessAuditAction = z.infer<typeof AccessAuditActionSchema>

/** One read of an LA's data: who, what, which LA and period, when, and how many rows when known. */
export const AccessAuditEntrySchema = z.object({
  id: IdSchema,
  /** When it was read, UTC ISO 8601. */
  at: InstantSchema,
  action: AccessAuditActionSchema,
  staff: z.object({ sub: z.string().min(1), name: z.string().optional() }),
  /** The LA read; absent for a subject access, which is of one address wherever it booked. */
  laCode: LaCodeSchema.optional(),
  /** The London days the read covered, both included; absent for a subject access. */
  period: z.object({ from: z.iso.date(), to: z.iso.date() }).optional(),
  /** A subject access's address, as the SHA-256 (hex) of the normalised address, never the address. */
  subject: z.string().optional(),
  rows: z.number().int().min(0).optional(),
})
export type AccessAuditEntry = z.infer<typeof AccessAuditEntrySchema>
