import { Logger } from '@aws-lambda-powertools/logger'
import type {
  CoreClients,
  CoreConfig,
  CoreDeps,
  Env,
  SenderClients,
  SenderConfig,
  SenderDeps,
} from '@ey/runtime'
import {
  coreClients,
  coreConfigFromEnv,
  senderClients,
  senderConfigFromEnv,
  wireCore,
  wireSender,
} from '@ey/runtime'

/** The jobs function's settings: those every function shares, and the sender (the sweeper sends email). */
export type JobsConfig = CoreConfig & SenderConfig

/** The SDK clients the jobs' adapters use. */
export type JobsClients = CoreClients & SenderClients

/**
 * What every job may use: the core's adapters, clock and ids, the sending half of delivery, and a
 * logger (never given personal data).
 */
export interface JobDeps extends CoreDeps, SenderDeps {
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
}

/**
 * Reads the jobs function's environment once: what every function reads (see
 * `coreConfigFromEnv`) and the sender (see `senderConfigFromEnv`). A missing variable stops
 * start-up, named.
 */
export async function jobsConfigFromEnv(env: Env = process.env): Promise<JobsConfig> {
  const sender = senderConfigFromEnv(env)
  return { ...(await coreConfigFromEnv(env)), ...sender }
}

/** The SDK clients for this configuration. */
export function jobsClients(config: JobsConfig): JobsClients {
  return { ...coreClients(config), ...senderClients(config) }
}

/**
 * The jobs' composition root: the core's adapters (`wireCore`), the sending half of delivery
 * (`wireSender`) and a Powertools logger; `overrides` replace any of them (the local stack passes
 * its clock, tests a fake one).
 */
export function wireJobs(
  config: JobsConfig,
  clients: JobsClients,
  overrides: Partial<JobDeps> = {},
): JobDeps {
  return {
    ...wireCore(config, clients),
    ...wireSender(config, clients),
    logger: new Logger({ serviceName: 'jobs' }),
    ...overrides,
  }
}
