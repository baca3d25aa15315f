import {
  AttendanceMarkSchema,
  AuditEntrySchema,
  BookingStatusSchema,
  IdSchema,
  QUERY_BOUNDS,
  RegisterChangeSchema,
  RoleSchema,
  SessionFormatSchema,
  SettingTypeSchema,
} from '@ey/domain'
import * as z from 'zod'

const PartSchema = z.object({ startsAt: z.string(), endsAt: z.string() })

/** A session in a trainer's list. */
export const TrainerSessionViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    format: SessionFormatSchema,
    venueName: z.string().optional(),
    parts: z.array(PartSchema),
    capacity: z.number().int(),
    heldCount: z.number().int(),
    waitingCount: z.number().int(),
    status: z.string(),
  })
  .meta({ id: 'TrainerSession' })
export type TrainerSessionView = z.infer<typeof TrainerSessionViewSchema>

/** `GET /api/trainer/sessions`. */
export const MySessionsViewSchema = z
  .object({ upcoming: z.array(TrainerSessionViewSchema), past: z.array(TrainerSessionViewSchema) })
  .meta({ id: 'MySessions' })
export type MySessionsView = z.infer<typeof MySessionsViewSchema>

/** The query of `GET /api/trainer/sessions`: the range of start days. */
export const MySessionsQuerySchema = z.object({
  from: z.iso.date().optional().meta({ description: 'First day (UTC), default 365 days ago' }),
  to: z.iso
    .date()
    .optional()
    .meta({
      description: `Day after the last (UTC), default 400 days ahead; at most ${QUERY_BOUNDS.trainerSessionDays} days after \`from\` (more answers 422 naming \`to\`)`,
    }),
})

const EntryFields = {
  mark: AttendanceMarkSchema.optional(),
  note: z.string().optional(),
  checkIn: z.object({ at: z.string(), confirmed: z.boolean() }).optional(),
}

/** A booked person as the trainer running the session sees them: no email address. */
const RegisterPersonSchema = z.object({
  bookingId: z.string(),
  reference: z.string(),
  name: z.string(),
  role: RoleSchema,
  settingName: z.string(),
  ofstedUrn: z.string().optional(),
  settingType: SettingTypeSchema,
  accessNeeds: z.string().optional(),
  status: BookingStatusSchema,
  ...EntryFields,
})

/** One part's register as the trainer's page shows it. */
export const RegisterViewSchema = z
  .object({
    session: z.object({
      id: z.string(),
      title: z.string(),
      format: SessionFormatSchema,
      parts: z.array(PartSchema),
      status: z.string(),
    }),
    part: z.number().int(),
    locked: z.boolean(),
    locksAt: z.string(),
    reopenedUntil: z.string().optional(),
    booked: z.array(RegisterPersonSchema),
    waiting: z.array(RegisterPersonSchema),
    lateCancelled: z.array(RegisterPersonSchema),
    walkIns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: RoleSchema.optional(),
        settingName: z.string().optional(),
        ...EntryFields,
      }),
    ),
    code: z.object({ value: z.string(), expiresAt: z.string() }).optional(),
    audit: z.array(AuditEntrySchema),
  })
  .meta({ id: 'Register' })
export type RegisterView = z.infer<typeof RegisterViewSchema>

/**
 * The `{id}` and `{part}` path parameters of a register. `part` arrives as text, and only text is
 * turned into a number (`z.coerce` would take null as 0), so the document declares it required
 * and never null, as OpenAPI requires of a path parameter.
 */
export const RegisterPartParamSchema = z.object({
  id: IdSchema,
  part: z
    .preprocess(
      (value) => (typeof value === 'string' ? Number(value) : value),
      z.number().int().min(0).max(11),
    )
    .meta({ description: 'The part, from 0' }),
})
export type RegisterPartParam = z.infer<typeof RegisterPartParamSchema>

/** `POST …/register/changes`: marks, notes, walk-ins and confirmed check-ins, each with its own key. */
export const RegisterChangesSchema = z
  .object({ changes: z.array(RegisterChangeSchema).min(1).max(200) })
  .meta({ id: 'RegisterChanges' })
export type RegisterChanges = z.infer<typeof RegisterChangesSchema>
/** One change of a batch. */
export type RegisterChange = RegisterChanges['changes'][number]

/** `POST …/register/participant-report`: a Teams or Zoom participant report as CSV text. */
export const ParticipantReportSchema = z
  .object({ report: z.string().min(1).max(15_000) })
  .meta({ id: 'ParticipantReport' })
export type ParticipantReport = z.infer<typeof ParticipantReportSchema>

const ReportRowSchema = z.object({
  name: z.string(),
  email: z.string().optional(),
  minutes: z.number().optional(),
})

/** The report's people matched to bookings, for the trainer to review. */
export const ParticipantReportMatchingSchema = z
  .object({
    matches: z.array(z.object({ bookingId: z.string(), name: z.string(), row: ReportRowSchema })),
    unmatched: z.array(ReportRowSchema),
    missing: z.array(z.object({ bookingId: z.string(), name: z.string() })),
  })
  .meta({ id: 'ParticipantReportMatching' })
export type ParticipantReportMatching = z.infer<typeof ParticipantReportMatchingSchema>

/** `POST …/register/code`: the attendance code and until when it works. */
export const AttendanceCodeViewSchema = z
  .object({ code: z.string(), expiresAt: z.string() })
  .meta({ id: 'AttendanceCode' })
export type AttendanceCodeView = z.infer<typeof AttendanceCodeViewSchema>

/** `POST /api/admin/sessions/{id}/register/reopen`: until when the register takes changes. */
export const RegisterReopenedSchema = z.object({ reopenedUntil: z.string() }).meta({ id: 'RegisterReopened' })
export type RegisterReopened = z.infer<typeof RegisterReopenedSchema>
