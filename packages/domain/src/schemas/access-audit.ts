import * as z from 'zod'
import { IdSchema, InstantSchema, LaCodeSchema } from './common.ts'

/**
 * What staff read of people's personal data that the audit log records: an LA's downloads, a
 * register (its view, and a participant report matched against it), the mail review (which
 * lists email addresses), and an administrator's subject access: an export of everything held
 * about one address, or its erasure.
 */
export const ACCESS_AUDIT_ACTIONS = [
  'la-summary-csv',
  'la-attendees-csv',
  'register-view',
  'participant-report',
  'mail-review',
  'subject-export',
  'subject-erase',
] as const
export const AccessAuditActionSchema = z.enum(ACCESS_AUDIT_ACTIONS)
export type AccessAuditAction = z.infer<typeof AccessAuditActionSchema>

/** The session part a register read showed. */
export const AuditedSessionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** The part, from 0. */
  part: z.number().int().min(0),
})
export type AuditedSession = z.infer<typeof AuditedSessionSchema>

/**
 * One read of personal data by staff: who, what, when, and what it covered: an LA and period for
 * an LA's data, a session part for a register; how many rows when known.
 */
export const AccessAuditEntrySchema = z.object({
  id: IdSchema,
  /** When it was read, UTC ISO 8601. */
  at: InstantSchema,
  action: AccessAuditActionSchema,
  staff: z.object({ sub: z.string().min(1), name: z.string().optional() }),
  /** The LA whose data was read (LA downloads). */
  laCode: LaCodeSchema.optional(),
  /** The London days the read covered, both included (LA downloads). */
  period: z.object({ from: z.iso.date(), to: z.iso.date() }).optional(),
  /** The register read (register views and participant reports). */
  session: AuditedSessionSchema.optional(),
  /** A subject access's address, as the SHA-256 (hex) of the normalised address, never the address. */
  subject: z.string().optional(),
  rows: z.number().int().min(0).optional(),
})
export type AccessAuditEntry = z.infer<typeof AccessAuditEntrySchema>
