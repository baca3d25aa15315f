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

/** Calls the same-origin API and answers its JSON; anything but 2xx throws an ApiProblem. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    throw new ApiProblem(0)
  }
  const body = await response.json().catch(() => undefined)
  if (!response.ok) throw new ApiProblem(response.status, body)
  return body as T
}

/** The `Authorization` header that opens a booking with its manage token. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}
