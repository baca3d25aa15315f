import * as z from 'zod'
import { RoleSchema, SettingTypeSchema } from './booking.ts'
import { IdSchema, InstantSchema } from './common.ts'

/**
 * What a trainer records for one person at one part. `apologies` is "told us they could not come",
 * distinct from `absent` (a no-show); a late cancellation is the booking's own status, not a mark.
 */
export const ATTENDANCE_MARKS = ['present', 'late', 'left-early', 'absent', 'apologies'] as const
export const AttendanceMarkSchema = z.enum(ATTENDANCE_MARKS)
export type AttendanceMark = z.infer<typeof AttendanceMarkSchema>

/** A participant's own check-in with the attendance code; counts once the trainer confirms it. */
export const SelfCheckInSchema = z.object({ at: InstantSchema, confirmed: z.boolean() })
export type SelfCheckIn = z.infer<typeof SelfCheckInSchema>

/** One person's line on a part's register: a booking id or a walk-in id. */
export const RegisterEntrySchema = z.object({
  mark: AttendanceMarkSchema.optional(),
  note: z.string().max(1000).optional(),
  checkIn: SelfCheckInSchema.optional(),
})
export type RegisterEntry = z.infer<typeof RegisterEntrySchema>

/**
 * Someone who came without a booking. Recorded on the register, outside capacity: the session's
 * places belong to the booking engine, and a person in the room needs no place to be taken.
 */
export const WalkInSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1, 'Enter the name of the person').max(120),
  role: RoleSchema.optional(),
  settingName: z.string().trim().max(200).optional(),
  settingType: SettingTypeSchema.optional(),
  email: z.email('Enter an email address in the correct format, like name@example.com').max(254).optional(),
})
export type WalkIn = z.infer<typeof WalkInSchema>

/**
 * One change to a register, as a trainer's device sends it. `key` is chosen by the device and
 * makes the change idempotent: a change whose key the register has seen is not applied again.
 */
export const RegisterChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mark'), key: IdSchema, subject: IdSchema, mark: AttendanceMarkSchema }),
  z.object({ kind: z.literal('clear-mark'), key: IdSchema, subject: IdSchema }),
  z.object({ kind: z.literal('note'), key: IdSchema, subject: IdSchema, note: z.string().trim().max(1000) }),
  z.object({ kind: z.literal('walk-in'), key: IdSchema, walkIn: WalkInSchema }),
  z.object({ kind: z.literal('confirm-check-in'), key: IdSchema, subject: IdSchema }),
])
export type RegisterChange = z.infer<typeof RegisterChangeSchema>

/** Who changed what and when; the register keeps every change. */
export const AuditEntrySchema = z.object({
  at: InstantSchema,
  by: z.string(),
  key: z.string(),
  action: z.enum(['mark', 'clear-mark', 'note', 'walk-in', 'confirm-check-in', 'check-in', 'code', 'reopen']),
  subject: z.string().optional(),
  value: z.string().optional(),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>

/** A short code a trainer shows during an online part, for participants to check in with. */
export const AttendanceCodeSchema = z.object({ value: z.string(), expiresAt: InstantSchema })
export type AttendanceCode = z.infer<typeof AttendanceCodeSchema>

/** The register of one part of a session. `version` guards every write against a lost update. */
export const RegisterPartSchema = z.object({
  sessionId: IdSchema,
  part: z.number().int().min(0),
  entries: z.record(z.string(), RegisterEntrySchema),
  walkIns: z.array(WalkInSchema),
  audit: z.array(AuditEntrySchema),
  code: AttendanceCodeSchema.optional(),
  /** Set by an administrator: the register takes changes again until then. */
  reopenedUntil: InstantSchema.optional(),
  version: z.number().int().min(0),
})
export type RegisterPart = z.infer<typeof RegisterPartSchema>

/** A part's register before anything is recorded. */
export function emptyRegisterPart(sessionId: string, part: number): RegisterPart {
  return { sessionId, part, entries: {}, walkIns: [], audit: [], version: 0 }
}
