import type { StaffSignInConfig, StaffToken } from '@ey/contract'
import { clearStaffToken, setStaffToken } from '../staff-client.ts'
import { api } from './api.ts'

/** The sign-in in flight, kept for this tab until the issuer sends the browser back. */
interface Pending {
  state: string
  verifier: string
  next: string
}

const PENDING_KEY = 'staff-sign-in'

function randomText(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes))
  return base64url(values)
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** Where the issuer sends staff back: this page. */
export function redirectUri(): string {
  return `${location.origin}/staff/`
}

/** A same-site path to return to after sign-in; anything else goes to the staff home. */
export function safeNext(next: string | null): string {
  return next && /^\/staff\/[^/]/.test(next) && !next.startsWith('//') ? next : '/staff/'
}

/**
 * Starts the authorization code flow with PKCE: the verifier and state stay in sessionStorage,
 * the browser goes to the issuer (Cognito's hosted UI, or the local issuer's chooser).
 */
export async function startSignIn(next: string): Promise<void> {
  const config = await api<StaffSignInConfig>('/auth/config')
  const pending: Pending = { state: randomText(16), verifier: randomText(32), next: safeNext(next) }
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending))
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))
  const url = new URL(config.authorizeUrl)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state: pending.state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  }).toString()
  location.assign(url.toString())
}

/**
 * Finishes sign-in when the issuer has sent back `code` and `state`: the state must be the one
 * this tab sent, then the API redeems the code. Answers where to go next.
 */
export async function finishSignIn(params: URLSearchParams): Promise<string> {
  const raw = sessionStorage.getItem(PENDING_KEY)
  sessionStorage.removeItem(PENDING_KEY)
  const pending = raw ? (JSON.parse(raw) as Pending) : undefined
  const code = params.get('code')
  if (!pending || !code || params.get('state') !== pending.state) throw new Error('sign-in not started here')
  const { idToken } = await api<StaffToken>('/auth/token', { json: { code, codeVerifier: pending.verifier } })
  setStaffToken(idToken)
  return pending.next
}

/** Forgets the token and ends the issuer's session, coming back to the sign-in page. */
export async function signOut(): Promise<void> {
  clearStaffToken()
  const config = await api<StaffSignInConfig>('/auth/config')
  const back = `${redirectUri()}?signed-out=1`
  const url = new URL(config.logoutUrl)
  // Cognito reads `logout_uri`; the local issuer, like most OpenID providers, `post_logout_redirect_uri`.
  url.search = new URLSearchParams({
    client_id: config.clientId,
    logout_uri: back,
    post_logout_redirect_uri: back,
  }).toString()
  location.assign(url.toString())
}
