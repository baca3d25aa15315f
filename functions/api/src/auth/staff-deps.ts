import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { localStaffAccounts } from '@ey/domain'
import { createDynamoStaffDirectory } from '@ey/dynamodb'
import { type Env, optionalEnv, requireEnv } from '@ey/runtime'
import type { ApiDeps } from '../api-deps.ts'
import { createCognitoStaffAccounts } from './cognito-accounts.ts'
import { createStaffVerifier } from './staff-verifier.ts'

/**
 * The staff part of the composition root. Tokens are verified against `STAFF_ISSUER` and
 * `STAFF_AUDIENCE` (required), with keys from `STAFF_JWKS_URL` or, when unset, Cognito's path
 * under the issuer; `STAFF_AUTH_URL` is where the site sends staff to sign in (Cognito's domain;
 * the issuer itself locally). With `STAFF_USER_POOL_ID`, invites create Cognito users; without it
 * (the local stack), the local issuer signs in straight from the directory.
 */
export function staffDeps(
  env: Env,
  table: { doc: DynamoDBDocumentClient; tableName: string },
): Pick<ApiDeps, 'staff' | 'staffSignIn' | 'staffDirectory' | 'staffAccounts'> {
  const issuer = requireEnv('STAFF_ISSUER', env)
  const audience = requireEnv('STAFF_AUDIENCE', env)
  const jwksUrl = optionalEnv('STAFF_JWKS_URL', env)
  const userPoolId = optionalEnv('STAFF_USER_POOL_ID', env)
  return {
    staff: createStaffVerifier({ issuer, audience, ...(jwksUrl ? { jwksUrl } : {}) }),
    staffSignIn: { issuer, clientId: audience, authUrl: optionalEnv('STAFF_AUTH_URL', env) ?? issuer },
    staffDirectory: createDynamoStaffDirectory(table),
    staffAccounts: userPoolId
      ? createCognitoStaffAccounts({ client: new CognitoIdentityProviderClient({}), userPoolId })
      : localStaffAccounts,
  }
}
