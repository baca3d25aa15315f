import type { Problem } from '@ey/contract'

/** A problem+json answer, or a network failure (status 0), as the page needs it. */
export class ApiProblem extends Error {
  readonly status: number
  readonly code: string
  readonly errors: readonly { field: string; message: string }[]

  constructor(status: number, problem?: Partial<Pick<Problem, 'code' | 'detail' | 'title' | 'errors'>>) {
    super(problem?.detail ?? problem?.title ?? 'The service could not be reached')
    this.name = 'ApiProblem'
    this.status = status
    this.code = problem?.code ?? (status === 0 ? 'network' : 'unknown')
    this.errors = problem?.errors ?? []
  }
}

/** What a call sends besides its path. */
export interface ApiCall {
  /** POST when a body is given, GET otherwise, unless said. */
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** A body, sent as JSON. */
  json?: unknown
  /** A body, sent as CSV text. */
  csv?: string
  /** The Authorization of a manage token or a staff sign-in, an Idempotency-Key, an Accept other than JSON. */
  headers?: Record<string, string>
}

/**
 * The pages' one way to call the same-origin API (`path` under `/api`), never with cookies or from
 * the cache. Answers the response when it is 2xx; otherwise throws an ApiProblem: the answer's
 * problem+json with its status, or status 0 when the network failed.
 */
export async function request(path: string, call: ApiCall = {}): Promise<Response> {
  const { json, csv, headers } = call
  const body = json === undefined ? csv : JSON.stringify(json)
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method: call.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        Accept: 'application/json',
        ...(body === undefined
          ? {}
          : { 'Content-Type': json === undefined ? 'text/csv' : 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    throw new ApiProblem(0)
  }
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => undefined))
  return response
}

/** Calls the API (see `request`) and answers its JSON; undefined for an answer with no body. */
export async function api<T>(path: string, call?: ApiCall): Promise<T> {
  const response = await request(path, call)
  return (await response.json().catch(() => undefined)) as T
}

/** The `Authorization` header that carries a manage token or a staff member's ID token. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}
