import { SessionInputSchema as DomainSessionInputSchema, QUERY_BOUNDS, SessionSchema } from '@ey/domain'
import * as z from 'zod'

/** What an administrator sends to schedule or edit a session: London dates and times. */
export const SessionInputSchema = DomainSessionInputSchema.meta({ id: 'SessionInput' })
export type SessionInput = z.infer<typeof SessionInputSchema>

/** A session as administrators see it, drafts included; instants carry the London offset. */
export const AdminSessionSchema = SessionSchema.meta({
  id: 'AdminSession',
  description: 'A session as administrators see it, drafts included; instants carry the London offset',
})
export type AdminSession = z.infer<typeof AdminSessionSchema>

/** `GET /api/admin/sessions`. */
export const AdminSessionListSchema = z
  .object({ items: z.array(AdminSessionSchema) })
  .meta({ id: 'AdminSessionList' })
export type AdminSessionList = z.infer<typeof AdminSessionListSchema>

/** The query of `GET /api/admin/sessions`: the range of start days. */
export const AdminSessionRangeQuerySchema = z.object({
  from: z.iso.date().optional().meta({ description: 'First day (UTC), default 31 days ago' }),
  to: z.iso
    .date()
    .optional()
    .meta({
      description: `Day after the last (UTC), default 400 days ahead; at most ${QUERY_BOUNDS.adminSessionDays} days after \`from\` (more answers 422 naming \`to\`)`,
    }),
})
export type AdminSessionRangeQuery = z.infer<typeof AdminSessionRangeQuerySchema>

/** `POST /api/admin/sessions/{id}/cancel`: the session, and how many bookings this call cancelled. */
export const SessionCancelledSchema = z
  .object({ session: AdminSessionSchema, cancelled: z.number().int() })
  .meta({ id: 'SessionCancelled', description: 'How many bookings this call cancelled (0 when run again)' })
export type SessionCancelled = z.infer<typeof SessionCancelledSchema>

/** `POST /api/admin/sessions/{id}/capacity`. */
export const CapacityChangeSchema = z
  .object({ capacity: DomainSessionInputSchema.shape.capacity })
  .meta({ id: 'CapacityChange' })
export type CapacityChange = z.infer<typeof CapacityChangeSchema>

/** `POST /api/admin/sessions/import/preview`: every row of the file and its errors; nothing written. */
export const SessionImportPreviewSchema = z
  .object({
    rows: z.array(
      z.object({
        row: z.number().int().meta({ description: 'As a spreadsheet numbers it: the header is row 1' }),
        courseId: z.string().optional(),
        title: z.string().optional(),
        startsAt: z.string().optional(),
        errors: z.array(z.object({ column: z.string(), message: z.string() })),
      }),
    ),
    valid: z.number().int(),
    fileErrors: z.array(z.string()),
  })
  .meta({ id: 'SessionImportPreview' })
export type SessionImportPreview = z.infer<typeof SessionImportPreviewSchema>

/** `POST /api/admin/sessions/import`: the sessions made. */
export const SessionImportResultSchema = z
  .object({ created: z.number().int(), items: z.array(AdminSessionSchema) })
  .meta({ id: 'SessionImportResult' })
export type SessionImportResult = z.infer<typeof SessionImportResultSchema>

/** `GET /api/admin/settings`: the deployment's settings that the administrators' forms show. */
export const AdminSettingsSchema = z
  .object({
    reminderLeadsMinutes: z.array(z.number().int()).meta({
      description:
        'Reminders of a session that sets none of its own, in minutes before each part, longest first (empty: none)',
    }),
  })
  .meta({ id: 'AdminSettings' })
export type AdminSettings = z.infer<typeof AdminSettingsSchema>
