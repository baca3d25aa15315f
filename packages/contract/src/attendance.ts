import { AttendanceMarkSchema } from '@ey/domain'
import * as z from 'zod'

/** What a trainer records for one person at one part, and what the participant's attendance shows. */
export { type AttendanceMark, AttendanceMarkSchema } from '@ey/domain'

/** `POST /api/bookings/{id}/check-in`: the code the trainer shows. */
export const CheckInSchema = z
  .object({
    code: z
      .string({ error: 'Enter the attendance code the trainer is showing' })
      .trim()
      .regex(/^\d{3} ?\d{3}$/, 'Enter the 6-digit attendance code the trainer is showing'),
  })
  .meta({ id: 'CheckIn' })
export type CheckIn = z.infer<typeof CheckInSchema>

/** The part (from 0) a check-in was for. */
export const CheckedInSchema = z.object({ part: z.number().int() }).meta({ id: 'CheckedIn' })
export type CheckedIn = z.infer<typeof CheckedInSchema>

/** `GET /api/bookings/{id}/attendance`: what each part's register says of the booking. */
export const AttendanceSummarySchema = z
  .object({
    parts: z.array(
      z.object({ part: z.number().int(), mark: AttendanceMarkSchema.optional(), checkedIn: z.boolean() }),
    ),
    completion: z.enum(['complete', 'not-complete', 'pending']).optional(),
  })
  .meta({ id: 'AttendanceSummary' })
export type AttendanceSummary = z.infer<typeof AttendanceSummarySchema>
