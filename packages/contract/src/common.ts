import { IdSchema } from '@ey/domain'
import * as z from 'zod'

/** An instant as the API answers it: ISO 8601 with the Europe/London offset of that instant. */
export const LondonInstantSchema = z.string().meta({
  format: 'date-time',
  description: 'ISO 8601 with the Europe/London offset at that instant',
  example: '2026-06-01T16:00:00+01:00',
})

/** The `{id}` path parameter of every route that names one item. */
export const IdParamSchema = z.object({ id: IdSchema })
export type IdParam = z.infer<typeof IdParamSchema>

/** One field at fault: body fields and parameters by name, headers by header name. */
export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() })
export type FieldError = z.infer<typeof FieldErrorSchema>

/** Every error answer (`application/problem+json`, RFC 9457) with a stable `code`. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ example: 'https://problems.early-years-send.example/validation-failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().meta({ description: 'The request path', example: '/api/sessions/x/bookings' }),
    code: z.string().meta({ description: 'Stable machine-readable code', example: 'validation-failed' }),
    errors: z.array(FieldErrorSchema).meta({
      description: 'Each field at fault: body fields and parameters by name, headers by header name',
    }),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof ProblemSchema>

/** `GET /api/health`. */
export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })
export type Health = z.infer<typeof HealthSchema>
