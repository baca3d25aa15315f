import { createDynamoTakeUpStats } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import {
  type CoreClients,
  type CoreConfig,
  coreClients,
  type Env,
  Logger,
  optionalEnv,
  requireEnv,
} from '@ey/runtime'
import type { StatsHandlerDeps } from './handler.ts'

/**
 * The stats function's settings: the table alone. It signs nothing and links to nothing, so it
 * reads neither the manage-token secret nor the site's address (and its role may not either).
 */
export type StatsConfig = Pick<CoreConfig, 'tableName' | 'dynamodbEndpoint'>

/** Reads `TABLE_NAME` (required) and `DYNAMODB_ENDPOINT` (optional); a missing variable stops start-up, named. */
export function statsConfigFromEnv(env: Env = process.env): StatsConfig {
  const tableName = requireEnv('TABLE_NAME', env)
  const dynamodbEndpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  return { tableName, ...(dynamodbEndpoint ? { dynamodbEndpoint } : {}) }
}

/** The SDK clients for this configuration: the table's, as every function builds them. */
export const statsClients: (config: StatsConfig) => CoreClients = coreClients

/**
 * The stats function's composition root: the take-up aggregates on the table (the same adapter
 * `wireCore` gives the readers as `takeUpStats`) and a logger; `overrides` replace either.
 */
export function wireStats(
  config: StatsConfig,
  clients: CoreClients,
  overrides: Partial<StatsHandlerDeps> = {},
): StatsHandlerDeps {
  return {
    takeUpStats: createDynamoTakeUpStats({ doc: clients.doc, tableName: config.tableName }, localAuthorities),
    logger: new Logger({ serviceName: 'stats' }),
    ...overrides,
  }
}
