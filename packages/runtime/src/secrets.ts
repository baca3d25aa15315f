import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { type Env, optionalEnv } from './env.ts'

/**
 * The manage-token key: `MANAGE_TOKEN_SECRET` where set (the local stack), otherwise the secret
 * named by `MANAGE_TOKEN_SECRET_ARN` (AWS), read once at cold start. Every function that issues
 * or checks manage links (API, mail) must read the same key.
 */
export async function manageTokenSecret(
  env: Env,
  secrets: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): Promise<string> {
  const direct = optionalEnv('MANAGE_TOKEN_SECRET', env)
  if (direct) return direct
  const arn = optionalEnv('MANAGE_TOKEN_SECRET_ARN', env)
  if (!arn) throw new Error('Missing environment variable MANAGE_TOKEN_SECRET_ARN (or MANAGE_TOKEN_SECRET)')
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: arn }))
  if (!SecretString) throw new Error('The secret named by MANAGE_TOKEN_SECRET_ARN holds no string')
  return SecretString
}
