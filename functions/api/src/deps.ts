import { Logger } from '@aws-lambda-powertools/logger'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { DEFAULT_POLICY } from '@ey/domain'
import {
  createDynamoBookingLookup,
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoRegisterRepository,
  createDynamoSessionStore,
} from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import {
  type Env,
  hmacTokens,
  manageTokenSecret,
  optionalEnv,
  randomIds,
  requireEnv,
  sha256Fingerprints,
  systemClock,
} from '@ey/runtime'
import type { ApiDeps } from './api-deps.ts'
import { staffDeps } from './auth/staff-deps.ts'

/**
 * The composition root: reads the environment once and builds every dependency. `TABLE_NAME` and
 * `SITE_URL` are required, and the manage-token key (see `manageTokenSecret`); `DYNAMODB_ENDPOINT`
 * points at DynamoDB Local when running on one machine. Staff sign-in settings: see `staffDeps`.
 */
export async function buildDeps(env: Env = process.env): Promise<ApiDeps> {
  const tableName = requireEnv('TABLE_NAME', env)
  const siteUrl = requireEnv('SITE_URL', env)
  const endpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  const tokens = hmacTokens(await manageTokenSecret(env))
  const client = new DynamoDBClient(endpoint ? { endpoint } : {})
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })
  const catalogue = createDynamoCatalogueRepository({ doc, tableName })
  return {
    bookings: createDynamoBookingRepository({ doc, tableName }),
    catalogue,
    catalogueWriter: catalogue,
    sessions: createDynamoSessionStore({ doc, tableName }),
    lookup: createDynamoBookingLookup({ doc, tableName }),
    registers: createDynamoRegisterRepository({ doc, tableName }),
    clock: systemClock,
    ids: randomIds,
    fingerprints: sha256Fingerprints,
    tokens,
    las: localAuthorities,
    policy: DEFAULT_POLICY,
    logger: new Logger({ serviceName: 'api' }),
    siteUrl,
    ...staffDeps(env, { doc, tableName }),
  }
}
