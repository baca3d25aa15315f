import { createUndeliverableStore } from '@ey/dynamodb'
import {
  type CoreClients,
  type CoreConfig,
  coreClients,
  type Env,
  Logger,
  optionalEnv,
  requireEnv,
} from '@ey/runtime'
import type { FeedbackHandlerDeps } from './feedback-handler.ts'

/** The bounce and complaint handler's settings: the table alone (it sends nothing and signs nothing). */
export type FeedbackConfig = Pick<CoreConfig, 'tableName' | 'dynamodbEndpoint'>

/** Reads `TABLE_NAME` (required) and `DYNAMODB_ENDPOINT` (optional); a missing variable stops start-up, named. */
export function feedbackConfigFromEnv(env: Env = process.env): FeedbackConfig {
  const tableName = requireEnv('TABLE_NAME', env)
  const dynamodbEndpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  return { tableName, ...(dynamodbEndpoint ? { dynamodbEndpoint } : {}) }
}

/** The SDK clients for this configuration: the table's. */
export const feedbackClients: (config: FeedbackConfig) => CoreClients = coreClients

/**
 * The bounce and complaint handler's composition root: the undeliverable addresses on the table
 * and a logger; `overrides` replace either.
 */
export function wireFeedback(
  config: FeedbackConfig,
  clients: CoreClients,
  overrides: Partial<FeedbackHandlerDeps> = {},
): FeedbackHandlerDeps {
  return {
    undeliverable: createUndeliverableStore({ doc: clients.doc, tableName: config.tableName }),
    logger: new Logger({ serviceName: 'mail-feedback' }),
    ...overrides,
  }
}
