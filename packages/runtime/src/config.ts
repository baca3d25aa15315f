import type { AbuseLimits } from '@ey/domain'
import { type Env, optionalEnv, requireEnv } from './env.ts'
import { abuseLimitsFromEnv } from './limits.ts'
import { manageTokenSecret } from './secrets.ts'

/** The settings every function reads: the table, the public site and the manage-token key. */
export interface CoreConfig {
  tableName: string
  /** DynamoDB Local's address when running on one machine; unset in AWS. */
  dynamodbEndpoint?: string
  /** The public site's origin (e.g. `https://training.example.org`): manage links point there. */
  siteUrl: string
  /** The key manage tokens and alert stop tokens are derived from; the API and the mail function must share it. */
  manageTokenSecret: string
  /** The rate limits and caps (`LIMIT_…` variables over `DEFAULT_ABUSE_LIMITS`); unset, the defaults. */
  limits?: AbuseLimits
}

/**
 * Reads `TABLE_NAME` and `SITE_URL` (required), `DYNAMODB_ENDPOINT` (optional), the manage-token
 * key (see `manageTokenSecret`) and the abuse limits (see `abuseLimitsFromEnv`); a missing or
 * malformed variable stops start-up, named.
 */
export async function coreConfigFromEnv(env: Env): Promise<CoreConfig> {
  const tableName = requireEnv('TABLE_NAME', env)
  const siteUrl = requireEnv('SITE_URL', env)
  const dynamodbEndpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  return {
    tableName,
    siteUrl,
    ...(dynamodbEndpoint ? { dynamodbEndpoint } : {}),
    manageTokenSecret: await manageTokenSecret(env),
    limits: abuseLimitsFromEnv(env),
  }
}
