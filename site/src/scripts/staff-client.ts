import { type ApiCall, api, bearer } from './lib/api.ts'

/**
 * The staff pages' one way to call the API: the signed-in staff member's ID token rides in
 * `Authorization: Bearer`. The token lives in sessionStorage only (never a cookie or
 * localStorage), so it goes with the tab and is never sent by the browser on its own.
 */
const TOKEN_KEY = 'staff-id-token'

/** The signed-in staff member's token, if any. */
export function staffToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined
}

/** Keeps the token from sign-in for this tab. */
export function setStaffToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token)
}

/** Forgets the token (sign-out, or a token the API refused). */
export function clearStaffToken(): void {
  sessionStorage.removeItem(TOKEN_KEY)
}

/** Calls a staff route (see `api`) with the signed-in staff member's token, when there is one. */
export function staffApi<T>(path: string, call: ApiCall = {}): Promise<T> {
  return api<T>(path, { ...call, headers: { ...call.headers, ...staffAuthorization() } })
}

/** The Authorization header of the signed-in staff member; none when signed out (the API answers 401). */
export function staffAuthorization(): Record<string, string> {
  const token = staffToken()
  return token ? bearer(token) : {}
}
