import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { StaffMember } from '@ey/domain'
import { cognitoIdClaims, DEMO_STAFF, type StaffIdentity } from '@ey/local-stack'
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose'
import { inject } from 'vitest'

/** The demo staff by username: `admin`, `trainer-amira`, `trainer-ben`, `trainer-chloe`, `la-leeds`, `la-north-east`. */
export type DemoStaffName = (typeof DEMO_STAFF)[number]['username']

/** Ways to spoil a token, for the 401 cases. */
export interface TokenOptions {
  /** Seconds until expiry; negative for a token that has expired. */
  expiresIn?: number
  /** Another app client id than the run's issuer's. */
  audience?: string
  issuer?: string
  /** Sign with a key the issuer never published (same key id). */
  forged?: boolean
  /** Replace the groups (e.g. `[]` for a token with no staff group). */
  groups?: string[]
  tokenUse?: 'id' | 'access'
}

/** The run's local staff issuer (started by the global setup), as the API is configured for it. */
export function staffIssuer(): { issuer: string; audience: string; jwksUrl: string } {
  const { issuer, audience, jwksUrl } = inject('staffIssuer')
  return { issuer, audience, jwksUrl }
}

let forgeryKey: Promise<JWK> | undefined

/**
 * A Cognito-shaped ID token for a demo staff member (or any identity), signed with the run's
 * issuer key: what sign-in gives them. `options` spoil it for the 401 and 403 cases.
 */
export async function staffToken(
  who: DemoStaffName | StaffIdentity,
  options: TokenOptions = {},
): Promise<string> {
  const identity = typeof who === 'string' ? demo(who) : who
  const { issuer, audience, signingKey } = inject('staffIssuer')
  const claims = cognitoIdClaims(identity, options.audience ?? audience)
  if (options.groups) claims['cognito:groups'] = options.groups
  if (options.tokenUse) claims.token_use = options.tokenUse
  const jwk = options.forged ? { ...(await forgedKey()), kid: signingKey.kid } : signingKey
  const now = Math.floor(Date.now() / 1000)
  const expiresIn = options.expiresIn ?? 3600
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: String(signingKey.kid) })
    .setIssuer(options.issuer ?? issuer)
    .setIssuedAt(Math.min(now, now + expiresIn - 60))
    .setExpirationTime(now + expiresIn)
    .sign(await importJWK(jwk, 'RS256'))
}

/** `Authorization: Bearer` headers for a demo staff member. */
export async function asStaff(
  who: DemoStaffName | StaffIdentity,
  init: RequestInit = {},
): Promise<RequestInit> {
  const token = await staffToken(who)
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }
}

/** A staff identity of its own (e.g. a second trainer), with a fresh `sub`. */
export function makeStaff(overrides: Partial<StaffMember> = {}): StaffIdentity {
  const sub = overrides.sub ?? `staff-${randomUUID()}`
  return { sub, username: sub, name: 'Sam Staff', roles: ['trainer'], laCodes: [], ...overrides }
}

function demo(username: string): StaffIdentity {
  const identity = DEMO_STAFF.find((staff) => staff.username === username)
  if (!identity) throw new Error(`No demo staff member "${username}"`)
  return identity
}

function forgedKey(): Promise<JWK> {
  forgeryKey ??= generateKeyPair('RS256', { extractable: true }).then(({ privateKey }) =>
    exportJWK(privateKey),
  )
  return forgeryKey
}

/**
 * Starts a staff sign-in at an issuer as the site does (authorization code with PKCE, back to the
 * site's staff home) for `POST /api/auth/token` to redeem: the code and its verifier.
 */
export async function authorizeAt(
  at: { issuer: string; clientId: string; siteUrl: string },
  username: string,
): Promise<{ code: string; codeVerifier: string }> {
  const codeVerifier = randomBytes(32).toString('base64url')
  const url = new URL(`${at.issuer.replace(/\/$/, '')}/oauth2/authorize`)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: at.clientId,
    redirect_uri: `${at.siteUrl}/staff/`,
    state: 'state',
    code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
    code_challenge_method: 'S256',
    login_hint: username,
  }).toString()
  const redirect = await fetch(url, { redirect: 'manual' })
  const code = new URL(redirect.headers.get('location') ?? '', url).searchParams.get('code')
  if (!code) throw new Error(`the issuer gave no code for ${username}`)
  return { code, codeVerifier }
}
