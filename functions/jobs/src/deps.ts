import { DEFAULT_RETENTION_MONTHS } from '@ey/domain'
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
  Logger,
  optionalEnv,
  senderClients,
  senderConfigFromEnv,
  wireCore,
  wireSender,
} from '@ey/runtime'

/**
 * The jobs function's settings: those every function shares, the sender (the sweeper sends email)
 * and the months personal data of a booking is kept after its session (the retention job).
 */
export type JobsConfig = CoreConfig & SenderConfig & { retentionMonths?: number }

/** The SDK clients the jobs' adapters use. */
export type JobsClients = CoreClients & SenderClients

/**
 * What every job may use: the core's adapters, clock and ids, the sending half of delivery, and a
 * logger (never given personal data).
 */
export interface JobDeps extends CoreDeps, SenderDeps {
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** Months after a session's last part that its bookings' personal data is kept (`RETENTION_MONTHS`). */
  retentionMonths: number
}

/**
 * `RETENTION_MONTHS`: a whole number of months from 1 to 120, default `DEFAULT_RETENTION_MONTHS`
 * (24, as the privacy notice says); anything else stops start-up, named.
 */
export function retentionMonthsFromEnv(env: Env): number {
  const text = optionalEnv('RETENTION_MONTHS', env)
  if (text === undefined) return DEFAULT_RETENTION_MONTHS
  const months = Number(text)
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw new Error(`RETENTION_MONTHS must be a whole number of months from 1 to 120, not "${text}"`)
  }
  return months
}

/**
 * Reads the jobs function's environment once: what every function reads (see
 * `coreConfigFromEnv`), the sender (see `senderConfigFromEnv`) and `RETENTION_MONTHS`. A missing variable stops
 * start-up, named.
 */
export async function jobsConfigFromEnv(env: Env = process.env): Promise<JobsConfig> {
  const sender = senderConfigFromEnv(env)
  return { ...(await coreConfigFromEnv(env)), ...sender, retentionMonths: retentionMonthsFromEnv(env) }
}

/** The SDK clients for this configuration. */
export function jobsClients(config: JobsConfig): JobsClients {
  return { ...coreClients(config), ...senderClients(config) }
}

/**
 * The jobs' composition root: the core's adapters (`wireCore`), the sending half of delivery
 * (`wireSender`) and a logger (`Logger` of `@ey/runtime`); `overrides` replace any of them (the local stack passes
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
    retentionMonths: config.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    ...overrides,
  }
}
