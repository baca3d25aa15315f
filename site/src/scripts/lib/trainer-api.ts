import { staffFetch } from '../staff-client.ts'
import { ApiProblem } from './api.ts'

/** Calls a staff route with the signed-in token and answers its JSON; anything but 2xx throws an ApiProblem. */
export async function trainerApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response
  try {
    response = await staffFetch(`/api${path}`, {
      ...init,
      headers: {
        Accept: 'application/json',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    })
  } catch {
    throw new ApiProblem(0)
  }
  const body = await response.json().catch(() => undefined)
  if (!response.ok) throw new ApiProblem(response.status, body)
  return body as T
}

/** Whether a failure was the network's (so the change should wait on the device), not the API's answer. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 0 || error.status >= 500)
}
