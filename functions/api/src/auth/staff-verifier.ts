import { AccessDeniedError, LaCodeSchema, STAFF_ROLES, type StaffPrincipal, type StaffRole } from '@ey/domain'
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose'

/** Turns a staff bearer token into who the caller is; throws `AccessDeniedError(401)` for any bad token. */
export interface StaffVerifier {
  verify(token: string): Promise<StaffPrincipal>
}

export interface StaffVerifierConfig {
  /** `iss` of the tokens: the Cognito user pool's URL, or the local issuer's. */
  issuer: string
  /** `aud` of the tokens: the app client id. */
  audience: string
  /** Where the issuer publishes its keys; Cognito's path when omitted. */
  jwksUrl?: string
}

/** Seconds of clock skew allowed between the issuer and this function. */
const CLOCK_TOLERANCE_SECONDS = 30

/** Cognito publishes a user pool's keys at this path under its issuer. */
export function defaultJwksUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`
}

/**
 * Verifies Cognito-shaped ID tokens: RS256 signature against the issuer's published keys (fetched
 * once, refetched when an unknown key id appears), issuer, audience, expiry and `token_use: id`.
 * Then maps the claims: known `cognito:groups` become roles (others are ignored), and the LA scope
 * comes from `custom:la_codes`. There is no way to turn any of this off.
 */
export function createStaffVerifier(
  config: StaffVerifierConfig,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl ?? defaultJwksUrl(config.issuer))),
): StaffVerifier {
  return {
    async verify(token) {
      const payload = await verifiedPayload(token, config, keys)
      if (payload.token_use !== 'id' || typeof payload.sub !== 'string' || payload.sub === '') {
        throw new AccessDeniedError(401, 'Send the ID token from staff sign-in.')
      }
      return principalOf(payload as JWTPayload & { sub: string })
    },
  }
}

async function verifiedPayload(
  token: string,
  config: StaffVerifierConfig,
  keys: JWTVerifyGetKey,
): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ['RS256'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'sub'],
    })
    return payload
  } catch (error) {
    // The issuer being unreachable is our fault, not the caller's: that stays a 500.
    if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) throw error
    const detail =
      error instanceof errors.JWTExpired
        ? 'Your sign-in has expired. Sign in again.'
        : 'The sign-in token is not valid. Sign in again.'
    throw new AccessDeniedError(401, detail)
  }
}

/** The principal a verified token describes. */
export function principalOf(payload: JWTPayload & { sub: string }): StaffPrincipal {
  const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : []
  const roles = STAFF_ROLES.filter((role: StaffRole) => groups.includes(role))
  const scope = payload['custom:la_codes']
  const laCodes =
    roles.includes('la-officer') && typeof scope === 'string'
      ? scope
          .split(',')
          .map((code) => code.trim())
          .filter((code) => LaCodeSchema.safeParse(code).success)
      : []
  const name = typeof payload.name === 'string' ? payload.name : undefined
  return { sub: payload.sub, ...(name ? { name } : {}), roles, laCodes }
}
