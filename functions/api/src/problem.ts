import {
  DomainError,
  ERRORS,
  type ErrorCode,
  type FieldError,
  RateLimitedError,
  ServiceBusyError,
  TooManyAttemptsError,
} from '@ey/domain'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ApiLogger } from './api-deps.ts'

/** Problem types are stable URIs naming the code; they identify, they are not fetched. */
export const PROBLEM_BASE = 'https://problems.early-years-send.example/'

/** Problems of HTTP itself, which the domain knows nothing about. */
const HTTP_PROBLEMS = {
  'not-found': { title: 'There is nothing at this address', status: 404 },
  'malformed-request': { title: 'The request body could not be read', status: 400 },
  'payload-too-large': { title: 'The request body is too large', status: 413 },
  'unsupported-media-type': { title: 'Send the request body as application/json', status: 415 },
  'internal-error': { title: 'Something went wrong on our side', status: 500 },
} as const

export type ProblemCode = ErrorCode | keyof typeof HTTP_PROBLEMS

/**
 * The HTTP status of each domain error. `bespoke-session` answers 403: the session exists and is
 * open, but this person (by their setting's LA) is not allowed to take it, and retrying will not
 * change that, unlike the 409s, which describe the session's or booking's current state.
 * `session-not-published` answers 404 like any draft, which stays invisible to the public.
 */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  'validation-failed': 400,
  'unknown-local-authority': 400,
  unauthorized: 401,
  forbidden: 403,
  'bespoke-session': 403,
  'session-not-found': 404,
  'course-not-found': 404,
  'partner-not-found': 404,
  'booking-not-found': 404,
  'alert-not-found': 404,
  'address-not-found': 404,
  'certificate-not-found': 404,
  'template-not-found': 404,
  'material-not-found': 404,
  'session-not-published': 404,
  'manage-link-expired': 410,
  'manage-link-replaced': 410,
  'already-booked': 409,
  'session-cancelled': 409,
  'subject-has-live-bookings': 409,
  'erasure-not-confirmed': 422,
  'booking-closed': 409,
  'booking-not-open': 409,
  'session-started': 409,
  'cancellation-closed': 409,
  'no-offer': 409,
  'invalid-transition': 409,
  'register-locked': 409,
  'certificate-not-offered': 409,
  'already-exists': 409,
  'session-changed': 409,
  'capacity-below-held': 409,
  'email-not-parked': 409,
  'questionnaire-not-open': 409,
  'questionnaire-closed': 409,
  'questionnaire-answered': 409,
  'upload-not-found': 409,
  'idempotency-key-reused': 422,
  'invalid-answers': 422,
  'invalid-template': 422,
  'invalid-questionnaire-days': 422,
  'invalid-period': 422,
  'beyond-bounds': 422,
  'file-not-allowed': 422,
  'waiting-list-full': 409,
  'too-many-attempts': 429,
  'rate-limit-address': 429,
  'rate-limit-email': 429,
  'rate-limit-booking': 429,
  'daily-booking-limit': 429,
  'service-busy': 503,
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  instance: string
  code: ProblemCode
  errors: FieldError[]
}

/** Answers an RFC 9457 problem document. */
export function problemResponse(
  c: Context,
  problem: Omit<Problem, 'type' | 'instance'>,
  headers: Record<string, string> = {},
): Response {
  const { title, status, detail, code, errors } = problem
  const body: Problem = {
    type: `${PROBLEM_BASE}${code}`,
    title,
    status,
    detail,
    instance: c.req.path,
    code,
    errors,
  }
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': 'application/problem+json',
  })
}

function httpProblem(
  c: Context,
  code: keyof typeof HTTP_PROBLEMS,
  detail: string,
  errors: FieldError[] = [],
) {
  const { title, status } = HTTP_PROBLEMS[code]
  return problemResponse(c, { title, status, detail, code, errors })
}

function domainProblem(c: Context, error: DomainError): Response {
  const headers: Record<string, string> = {}
  if (
    error instanceof ServiceBusyError ||
    error instanceof TooManyAttemptsError ||
    error instanceof RateLimitedError
  ) {
    headers['Retry-After'] = String(error.retryAfterSeconds)
  }
  if (error.code === 'unauthorized') headers['WWW-Authenticate'] = 'Bearer'
  return problemResponse(
    c,
    {
      title: ERRORS[error.code].title,
      status: STATUS_OF[error.code],
      detail: error.message,
      code: error.code,
      errors: [...error.fieldErrors],
    },
    headers,
  )
}

/**
 * The one error handler: domain errors answer their status, HTTP-level failures theirs, and
 * anything else is a bug, logged with its cause and answered with a generic 500 that leaks nothing.
 */
export function problemHandler(logger: ApiLogger): ErrorHandler {
  return (error, c) => {
    if (error instanceof DomainError) return domainProblem(c, error)
    if (isThrottled(error)) return domainProblem(c, new ServiceBusyError(1, error))
    if (error instanceof HTTPException && error.status === 413) {
      return httpProblem(c, 'payload-too-large', error.message || 'Send a request body of 16 KB or less.')
    }
    if (error instanceof HTTPException && error.status === 415) {
      return httpProblem(
        c,
        'unsupported-media-type',
        error.message || 'This endpoint reads JSON: set Content-Type: application/json.',
      )
    }
    if (error instanceof HTTPException && error.status === 400) {
      return httpProblem(c, 'malformed-request', 'The request body is not valid JSON.', [
        { field: 'body', message: 'Send the details as a JSON object' },
      ])
    }
    logger.error('Unhandled error', error)
    return httpProblem(
      c,
      'internal-error',
      'Try again later. If it keeps happening, contact the programme team.',
    )
  }
}

/**
 * AWS throttling that outlasted the SDK's retries (DynamoDB's table or account throughput, or any
 * service's rate), thrown as is or as the cause of a repository error: busy, not broken.
 */
const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
])

function isThrottled(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (THROTTLING.has(current.name)) return true
    current = current.cause
  }
  return false
}

/** Unknown paths answer a problem too, so every error a client sees has the same shape. */
export const notFoundHandler: NotFoundHandler = (c) =>
  httpProblem(c, 'not-found', `No endpoint answers ${c.req.method} ${c.req.path}.`)
