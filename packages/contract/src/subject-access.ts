import { PersonSchema } from '@ey/domain'
import * as z from 'zod'

/** `POST /api/admin/subject-access/export`: the address whose data to export. */
export const SubjectExportRequestSchema = z
  .object({ email: PersonSchema.shape.email })
  .meta({ id: 'SubjectExportRequest' })

/** `POST /api/admin/subject-access/erase`: the address, and `confirm: true` (422 without it). */
export const SubjectEraseRequestSchema = z
  .object({
    email: PersonSchema.shape.email,
    confirm: z
      .boolean()
      .optional()
      .meta({ description: 'Must be true: the erasure cannot be undone (422 otherwise)' }),
  })
  .meta({ id: 'SubjectEraseRequest' })
export type SubjectEraseRequest = z.infer<typeof SubjectEraseRequestSchema>

const Records = z.array(z.record(z.string(), z.unknown()))

/** Everything held about one address, as stored (a file to hand to the person). */
export const SubjectExportSchema = z
  .object({
    email: z.string().meta({ description: 'The address, normalised (trimmed, lower case)' }),
    exportedAt: z.iso.datetime({ offset: true }),
    bookings: Records.meta({ description: 'Its bookings not erased, any state, with the person as given' }),
    responses: Records.meta({ description: 'Questionnaire answers of those bookings' }),
    emails: Records.meta({ description: 'Emails queued about those bookings and alerts (kept 30 days)' }),
    alerts: Records.meta({ description: 'Interest alerts asked for with the address' }),
    certificates: Records.meta({ description: 'Certificates of attendance of those bookings' }),
    undeliverable: z.record(z.string(), z.unknown()).nullable().meta({
      description: 'The bounce or complaint recorded for the address, if any',
    }),
    registerLines: Records.meta({
      description:
        'Register lines of those bookings and of walk-ins recorded with the address: mark, trainer’s note, check-in',
    }),
    walkIns: Records.meta({ description: 'Walk-ins recorded on a register with the address' }),
    auditEntries: Records.meta({
      description: 'Subject accesses of the address in the access audit (they hold its hash only)',
    }),
  })
  .meta({ id: 'SubjectExport' })

/** What an erasure removed. */
export const SubjectErasedSchema = z
  .object({
    bookings: z.number().int(),
    responses: z.number().int(),
    certificates: z.number().int(),
    emails: z.number().int(),
    alerts: z.number().int(),
    undeliverable: z.number().int(),
    registers: z
      .number()
      .int()
      .meta({ description: 'Register lines and walk-ins whose notes or details were erased' }),
  })
  .meta({ id: 'SubjectErased' })
