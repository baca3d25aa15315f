import { type FieldError, ValidationError } from '@ey/domain'
import { OpenAPIHono, type OpenAPIHonoOptions } from '@hono/zod-openapi'
import type { Env } from 'hono'
import type { z } from 'zod'

type Target = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie'

/**
 * One entry per field at fault, named as the client sent it: body fields and query or path
 * parameters by name, headers by their canonical name (the schemas spell them so).
 */
export function fieldErrorsOf(error: z.ZodError, target: Target): FieldError[] {
  const seen = new Map<string, FieldError>()
  for (const issue of error.issues) {
    const field =
      issue.path.length > 0 ? issue.path.map(String).join('.') : target === 'json' ? 'body' : target
    if (!seen.has(field)) seen.set(field, { field, message: issue.message })
  }
  return [...seen.values()]
}

/** The validator hook of every route: bad input throws our own error, so `onError` answers it. */
export const throwValidationError: OpenAPIHonoOptions<Env>['defaultHook'] = (result) => {
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error, result.target as Target))
}

/** A router whose routes validate with the hook above (each group is mounted with `app.route()`). */
export function router(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: throwValidationError })
}
