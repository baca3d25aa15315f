import { type CoreDeps, Logger, wireCore } from '@ey/runtime'
import { wireMaterialFiles } from '@ey/runtime/files'
import type { ApiDeps } from './api-deps.ts'
import { wireStaff } from './auth/staff-deps.ts'
import type { ApiClients, ApiConfig } from './deps.ts'

/** Everything wired for the API: its own dependencies and the core's adapters they come from. */
export type WiredApi = ApiDeps & CoreDeps

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
