import {
  createDynamoBookingLookup,
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoInterestAlertStore,
  createDynamoManageLinkStore,
  createDynamoRateLimiter,
  createOutboxStore,
} from '@ey/dynamodb'
import {
  type CoreClients,
  type CoreConfig,
  coreClients,
  coreConfigFromEnv,
  type Env,
  Logger,
  wireSettings,
} from '@ey/runtime'
import { type MaterialFilesConfig, materialFilesConfigFromEnv } from '@ey/runtime/files'
import type { FirstStepDeps } from './api-deps.ts'
import { type StaffConfig, staffConfigFromEnv } from './auth/staff-deps.ts'

/** The API's settings: those every function shares, staff sign-in and where material files live. */
export interface ApiConfig extends CoreConfig {
  staff: StaffConfig
  materialFiles: MaterialFilesConfig
}

/**
 * The SDK clients made at start: those every function shares. The S3 client (material files in a
 * bucket) and the Cognito client (invites with a user pool) are made on first use by their adapters.
 */
export type ApiClients = CoreClients

/**
 * Reads the API's environment once: staff sign-in (see `staffConfigFromEnv`), what every function
 * reads (see `coreConfigFromEnv`) and the material files (see `materialFilesConfigFromEnv`). A
 * missing variable stops start-up, named.
 */
export async function apiConfigFromEnv(env: Env = process.env): Promise<ApiConfig> {
  const staff = staffConfigFromEnv(env)
  const core = await coreConfigFromEnv(env)
  return { ...core, staff, materialFiles: materialFilesConfigFromEnv(env, core) }
}

/** The SDK clients for this configuration made at start (see `ApiClients`). */
export function apiClients(config: ApiConfig): ApiClients {
  return coreClients(config)
}

/**
 * What the routes of a practitioner's first steps use (`FirstStepDeps`), and no other adapter: the
 * Lambda builds these at start, so its cold start loads no other store; the whole set (`wireApi`)
 * is built with the first request handed to the whole app. The table's adapters are made here from
 * their modules, as `wireCore`'s `wire…` functions make them, not through those functions: esbuild
 * puts a module in the chunk of every request path that imports it, whole, so importing one
 * `wire…` function at start would bring every adapter `wireCore` makes (adapters.ts) with it.
 */
export function wireFirstSteps(
  config: ApiConfig,
  clients: ApiClients,
  overrides: Partial<FirstStepDeps> = {},
): FirstStepDeps {
  const table = { doc: clients.doc, tableName: config.tableName }
  return {
    bookings: createDynamoBookingRepository(table),
    catalogue: createDynamoCatalogueRepository(table),
    lookup: createDynamoBookingLookup(table),
    manageLinks: createDynamoManageLinkStore(table),
    rateLimits: createDynamoRateLimiter(table),
    outbox: createOutboxStore(table),
    alerts: createDynamoInterestAlertStore(table),
    ...wireSettings(config),
    logger: new Logger({ serviceName: 'api' }),
    siteUrl: config.siteUrl,
    ...overrides,
  }
}
