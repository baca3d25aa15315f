import { Logger } from '@aws-lambda-powertools/logger'
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider'
import {
  type CoreClients,
  type CoreConfig,
  type CoreDeps,
  coreClients,
  coreConfigFromEnv,
  type Env,
  wireCore,
} from '@ey/runtime'
import type { ApiDeps } from './api-deps.ts'
import { type StaffConfig, staffConfigFromEnv, wireStaff } from './auth/staff-deps.ts'

/** The API's settings: those every function shares, and staff sign-in. */
export interface ApiConfig extends CoreConfig {
  staff: StaffConfig
}

/** The SDK clients the API's adapters use. */
export interface ApiClients extends CoreClients {
  /** Needed only with a user pool (`staff.userPoolId`), where invites create Cognito users. */
  cognito?: Pick<CognitoIdentityProviderClient, 'send'>
}

/** Everything wired for the API: its own dependencies and the core's adapters they come from. */
export type WiredApi = ApiDeps & CoreDeps

/**
 * Reads the API's environment once: staff sign-in (see `staffConfigFromEnv`), then what every
 * function reads (see `coreConfigFromEnv`). A missing variable stops start-up, named.
 */
export async function apiConfigFromEnv(env: Env = process.env): Promise<ApiConfig> {
  const staff = staffConfigFromEnv(env)
  return { ...(await coreConfigFromEnv(env)), staff }
}

/** The SDK clients for this configuration; Cognito's only with a user pool. */
export function apiClients(config: ApiConfig): ApiClients {
  return {
    ...coreClients(config),
    ...(config.staff.userPoolId ? { cognito: new CognitoIdentityProviderClient({}) } : {}),
  }
}

/**
 * The API's composition root: the core's adapters (`wireCore`), the staff sign-in pieces, a
 * Powertools logger and the site's address; `overrides` replace any of them (tests: a fake
 * clock, a recording logger).
 */
export function wireApi(config: ApiConfig, clients: ApiClients, overrides: Partial<WiredApi> = {}): WiredApi {
  const core = wireCore(config, clients)
  return {
    ...core,
    catalogueWriter: core.catalogue,
    logger: new Logger({ serviceName: 'api' }),
    siteUrl: config.siteUrl,
    ...wireStaff(config.staff, clients.cognito),
    ...overrides,
  }
}
