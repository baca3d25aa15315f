import { localStaffAccounts, type StaffAccounts } from '@ey/domain'
import { type Env, loadOnce, optionalEnv, requireEnv } from '@ey/runtime'
import type { ApiDeps } from '../api-deps.ts'
import type { StaffVerifier, StaffVerifierConfig } from './staff-verifier.ts'

/** Staff sign-in settings: who issues staff tokens and, in AWS, the user pool invites go to. */
export interface StaffConfig {
  /** `iss` of staff tokens: the Cognito user pool's URL, or the local issuer's. */
  issuer: string
  /** `aud` of staff tokens: the app client id. */
  audience: string
  /** Where the issuer publishes its keys; Cognito's path under the issuer when unset. */
  jwksUrl?: string
  /** Where the site sends staff to sign in: Cognito's domain, or the issuer itself locally. */
  authUrl: string
  /** The Cognito user pool invites create users in; unset on one machine. */
  userPoolId?: string
}

/**
 * Reads `STAFF_ISSUER` and `STAFF_AUDIENCE` (required), `STAFF_JWKS_URL`, `STAFF_AUTH_URL`
 * (the issuer when unset) and `STAFF_USER_POOL_ID` (optional).
 */
export function staffConfigFromEnv(env: Env): StaffConfig {
  const issuer = requireEnv('STAFF_ISSUER', env)
  const audience = requireEnv('STAFF_AUDIENCE', env)
  const jwksUrl = optionalEnv('STAFF_JWKS_URL', env)
  const userPoolId = optionalEnv('STAFF_USER_POOL_ID', env)
  return {
    issuer,
    audience,
    ...(jwksUrl ? { jwksUrl } : {}),
    authUrl: optionalEnv('STAFF_AUTH_URL', env) ?? issuer,
    ...(userPoolId ? { userPoolId } : {}),
  }
}

/**
 * The staff part of the API's wiring: the token verifier, the sign-in settings the site reads,
 * and the accounts invites create: Cognito users with a user pool; without one (the local stack)
 * the local issuer signs in straight from the directory, so there is nothing more to create.
 */
export function wireStaff(config: StaffConfig): Pick<ApiDeps, 'staff' | 'staffSignIn' | 'staffAccounts'> {
  const { issuer, audience, jwksUrl } = config
  return {
    staff: staffVerifierOf({ issuer, audience, ...(jwksUrl ? { jwksUrl } : {}) }),
    staffSignIn: { issuer, clientId: audience, authUrl: config.authUrl },
    staffAccounts: staffAccountsOf(config.userPoolId),
  }
}

/**
 * The token verifier and its library (jose, about 19 KB bundled) load with the first staff request,
 * from a chunk of their own: public requests never check a staff token.
 */
function staffVerifierOf(config: StaffVerifierConfig): StaffVerifier {
  const verifier = loadOnce(async () => (await import('./staff-verifier.ts')).createStaffVerifier(config))
  return { verify: async (token) => (await verifier()).verify(token) }
}

/**
 * The Cognito client (about 34 KB bundled) loads on the first invitation, from a chunk of its own:
 * only staff invitations use it, so no other request's cold start loads it.
 */
function staffAccountsOf(userPoolId: string | undefined): StaffAccounts {
  if (!userPoolId) return localStaffAccounts
  const cognito = loadOnce(async () =>
    (await import('./cognito-accounts.ts')).createCognitoStaffAccounts({ userPoolId }),
  )
  return { create: async (invite) => (await cognito()).create(invite) }
}
