import {
  type CoreClients,
  type CoreConfig,
  type CoreDeps,
  coreClients,
  coreConfigFromEnv,
  type Env,
  Logger,
  wireCore,
} from '@ey/runtime'
import { type MaterialFilesConfig, materialFilesConfigFromEnv, wireMaterialFiles } from '@ey/runtime/files'
import type { ApiDeps } from './api-deps.ts'
import { type StaffConfig, staffConfigFromEnv, wireStaff } from './auth/staff-deps.ts'

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

/** Everything wired for the API: its own dependencies and the core's adapters they come from. */
export type WiredApi = ApiDeps & CoreDeps

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
 * The API's composition root: the core's adapters (`wireCore`), the material files (S3 or a
 * local folder, on the clock given), the staff sign-in pieces, a
 * logger (`Logger` of `@ey/runtime`) and the site's address; `overrides` replace any of them (tests: a fake
 * clock, a recording logger).
 */
export function wireApi(config: ApiConfig, clients: ApiClients, overrides: Partial<WiredApi> = {}): WiredApi {
  const core = wireCore(config, clients)
  const clock = overrides.clock ?? core.clock
  return {
    ...core,
    materialFiles: wireMaterialFiles(config.materialFiles, clock),
    catalogueWriter: core.catalogue,
    logger: new Logger({ serviceName: 'api' }),
    siteUrl: config.siteUrl,
    ...wireStaff(config.staff),
    ...overrides,
  }
}
