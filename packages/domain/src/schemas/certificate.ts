import * as z from 'zod'
import { IdSchema } from './common.ts'
import { SessionPartSchema } from './session.ts'

/** What a certificate's code verifies: kept apart from the booking, so a code reveals only this. */
export const CertificateRecordSchema = z.object({
  code: z.string().regex(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/),
  bookingId: IdSchema,
  name: z.string(),
  course: z.string(),
  /** The session's parts, for the dates the verification shows. */
  parts: z.array(SessionPartSchema).min(1),
})
export type CertificateRecord = z.infer<typeof CertificateRecordSchema>
