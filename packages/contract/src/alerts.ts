import { AlertScopeSchema, PersonSchema } from '@ey/domain'
import * as z from 'zod'

/** `POST /api/courses/{id}/alerts`: where to write, the person's LA, and where they could go. */
export const InterestAlertRequestSchema = z
  .object({
    email: PersonSchema.shape.email,
    laCode: PersonSchema.shape.laCode,
    scope: AlertScopeSchema.meta({
      description:
        '`la`: in person (or hybrid) at a venue in that local authority; `region`: at a venue in its ' +
        'region; `online`: online (or hybrid)',
    }),
  })
  .meta({ id: 'InterestAlertRequest' })
export type InterestAlertRequest = z.infer<typeof InterestAlertRequestSchema>

/** The answer to asking for an alert, the same whether or not the address already had one. */
export const InterestAlertAnswerSchema = z.object({ message: z.string() }).meta({
  id: 'InterestAlertAnswer',
  description: 'The same whether or not the address already had an alert',
})
export type InterestAlertAnswer = z.infer<typeof InterestAlertAnswerSchema>

/** The stop token in the query: for one-click unsubscribe (RFC 8058), which can send no header. */
export const AlertStopQuerySchema = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'The stop token, when it is not sent as Authorization: Bearer' }),
})
export type AlertStopQuery = z.infer<typeof AlertStopQuerySchema>

/** `POST /api/alerts/{id}/stop`: the alert is stopped (also when it already was, or was sent). */
export const AlertStoppedSchema = z
  .object({
    status: z.literal('stopped'),
    course: z.object({ id: z.string(), title: z.string() }).optional(),
  })
  .meta({ id: 'AlertStopped' })
export type AlertStopped = z.infer<typeof AlertStoppedSchema>
