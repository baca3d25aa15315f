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

/** `fetch` of a same-origin API path (e.g. `/api/staff/me`) with the staff token added. */
export function staffFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = staffToken()
  return fetch(path, {
    ...init,
    headers: { ...init.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    credentials: 'omit',
    cache: 'no-store',
  })
}
