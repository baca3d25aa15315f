import { Logger } from '@aws-lambda-powertools/logger'
import type { CoreClients, CoreConfig, CoreDeps, Env } from '@ey/runtime'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'

/** The jobs function's settings: those every function shares. */
export type JobsConfig = CoreConfig

/** The SDK clients the jobs' adapters use. */
export type JobsClients = CoreClients

/** What every job may use: the core's adapters, clock and ids, and a logger (never given personal data). */
export interface JobDeps extends CoreDeps {
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
}

/**
 * Reads the jobs function's environment once: what every function reads (see
 * `coreConfigFromEnv`). A missing variable stops start-up, named.
 */
export function jobsConfigFromEnv(env: Env = process.env): Promise<JobsConfig> {
  return coreConfigFromEnv(env)
}

/** The SDK clients for this configuration. */
export function jobsClients(config: JobsConfig): JobsClients {
  return coreClients(config)
}

/**
 * The jobs' composition root: the core's adapters (`wireCore`) and a Powertools logger;
 * `overrides` replace any of them (the local stack passes its clock, tests a fake one).
 */
export function wireJobs(
  config: JobsConfig,
  clients: JobsClients,
  overrides: Partial<JobDeps> = {},
): JobDeps {
  return {
    ...wireCore(config, clients),
    logger: new Logger({ serviceName: 'jobs' }),
    ...overrides,
  }
}
