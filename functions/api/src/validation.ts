import { DomainError, type FieldError, ValidationError } from '@ey/domain'
import { OpenAPIHono, type OpenAPIHonoOptions } from '@hono/zod-openapi'
import type { Env } from 'hono'
import type * as z from 'zod'

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

/** A number in the query above its maximum asks for more than a request reads (e.g. `limit`). */
function asksTooMuch(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'too_big' && issue.origin === 'number'
}

/**
 * The validator hook of every route: bad input throws our own error, so `onError` answers it. A
 * query whose only fault is a number above its bound (a page larger than `QUERY_BOUNDS.pageSize`)
 * is well formed but too large: it answers `beyond-bounds` (422), like a range too long.
 */
export const throwValidationError: OpenAPIHonoOptions<Env>['defaultHook'] = (result) => {
  if (result.success) return
  const fieldErrors = fieldErrorsOf(result.error, result.target as Target)
  if (result.target === 'query' && result.error.issues.every(asksTooMuch)) {
    throw new DomainError('beyond-bounds', 'Ask for less at a time.', { fieldErrors })
  }
  throw new ValidationError(fieldErrors)
}

/** A router whose routes validate with the hook above (each group is mounted with `app.route()`). */
export function router(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: throwValidationError })
}
