import type { StaffMember } from '@ey/domain'

/** Who a token is about: the directory entry's fields that go into the token. */
export type StaffIdentity = Pick<StaffMember, 'sub' | 'username' | 'name' | 'roles' | 'laCodes'>

/**
 * The claims of a Cognito ID token for this person, beyond `iss`, `iat` and `exp`: groups in
 * `cognito:groups`, and the LA scope in the custom attribute `custom:la_codes`, a comma-separated
 * string because Cognito custom attributes are strings. The local issuer and the test tokens both
 * use this, so the API verifies the very shape Cognito issues.
 */
export function cognitoIdClaims(identity: StaffIdentity, audience: string): Record<string, unknown> {
  return {
    sub: identity.sub,
    aud: audience,
    token_use: 'id',
    // Real time, like the `iat` and `exp` the issuer signs: token lifetimes do not follow `--now`.
    auth_time: Math.floor(Date.now() / 1000),
    'cognito:username': identity.username,
    'cognito:groups': [...identity.roles],
    name: identity.name,
    ...(identity.laCodes.length > 0 ? { 'custom:la_codes': identity.laCodes.join(',') } : {}),
  }
}
