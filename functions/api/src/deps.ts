import { Logger } from '@aws-lambda-powertools/logger'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { DEFAULT_POLICY, hmacTokens, randomIds, systemClock } from '@ey/domain'
import {
  createDynamoBookingLookup,
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
} from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import type { ApiDeps } from './api-deps.ts'
import { type Env, optionalEnv, requireEnv } from './env.ts'

/**
 * The manage-token key: `MANAGE_TOKEN_SECRET` itself on one machine, or, in AWS, the Secrets
 * Manager secret named by `MANAGE_TOKEN_SECRET_ARN` (read once per cold start), so the key never
 * sits in the function's configuration.
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

/**
 * The composition root: reads the environment once and builds every dependency. `TABLE_NAME` and
 * `SITE_URL` are required, and the manage-token key (see `manageTokenSecret`); `DYNAMODB_ENDPOINT`
 * points at DynamoDB Local when running on one machine.
 */
export async function buildDeps(env: Env = process.env): Promise<ApiDeps> {
  const tableName = requireEnv('TABLE_NAME', env)
  const siteUrl = requireEnv('SITE_URL', env)
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  const tokens = hmacTokens(await manageTokenSecret(env))
  const client = new DynamoDBClient(endpoint ? { endpoint } : {})
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })
  return {
    bookings: createDynamoBookingRepository({ doc, tableName }),
    catalogue: createDynamoCatalogueRepository({ doc, tableName }),
    lookup: createDynamoBookingLookup({ doc, tableName }),
    clock: systemClock,
    ids: randomIds,
    tokens,
    las: localAuthorities,
    policy: DEFAULT_POLICY,
    logger: new Logger({ serviceName: 'api' }),
    siteUrl,
  }
}
