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
  wireAlerts,
  wireAnswers,
  wireBookings,
  wireCatalogue,
  wireInvitations,
  wireLookup,
  wireManageLinks,
  wireMaterials,
  wireOutbox,
  wirePersonalData,
  wireQuestionnaires,
  wireRegisters,
  wireReminders,
  wireResults,
  wireSender,
  wireSessions,
  wireSettings,
  wireStaffDirectory,
  wireUndeliverable,
} from '@ey/runtime'

/**
 * The jobs function's settings: those every function shares, the sender (the sweeper sends email)
 * and the months personal data of a booking is kept after its session (the retention job).
 */
export type JobsConfig = CoreConfig & SenderConfig & { retentionMonths?: number }

/** The SDK clients the jobs' adapters use. */
export type JobsClients = CoreClients & SenderClients

/**
 * The core's adapters the jobs use: what their use cases read and write, and what the sweeper's
 * delivery of an email reads (as the mail function's). The others (rate limits, certificates, LA
 * take-up, the access audit, …) are not wired, so they are not in the bundle.
 */
export type JobAdapters = Pick<
  CoreDeps,
  | 'bookings'
  | 'catalogue'
  | 'sessions'
  | 'lookup'
  | 'manageLinks'
  | 'registers'
  | 'reminders'
  | 'invitations'
  | 'outbox'
  | 'undeliverable'
  | 'staffDirectory'
  | 'alerts'
  | 'alertTokens'
  | 'answers'
  | 'questionnaires'
  | 'results'
  | 'materials'
  | 'personalData'
  | 'clock'
  | 'ids'
  | 'fingerprints'
  | 'tokens'
  | 'las'
  | 'policy'
  | 'limits'
>

/**
 * What every job may use: the core's adapters the jobs use, the clock and ids, the sending half of
 * delivery, and a logger (never given personal data).
 */
export interface JobDeps extends JobAdapters, SenderDeps {
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
 * The jobs' composition root: the adapters the jobs use (`JobAdapters`), each made as `wireCore`
 * makes it, the system's clock, ids and fingerprints, the LAs, the sending half of delivery
 * (`wireSender`) and a logger (`Logger` of `@ey/runtime`); `overrides` replace any of them (the local stack passes
 * its clock, tests a fake one).
 */
export function wireJobs(
  config: JobsConfig,
  clients: JobsClients,
  overrides: Partial<JobDeps> = {},
): JobDeps {
  return {
    bookings: wireBookings(config, clients),
    catalogue: wireCatalogue(config, clients),
    sessions: wireSessions(config, clients),
    lookup: wireLookup(config, clients),
    manageLinks: wireManageLinks(config, clients),
    registers: wireRegisters(config, clients),
    reminders: wireReminders(config, clients),
    invitations: wireInvitations(config, clients),
    outbox: wireOutbox(config, clients),
    undeliverable: wireUndeliverable(config, clients),
    staffDirectory: wireStaffDirectory(config, clients),
    alerts: wireAlerts(config, clients),
    answers: wireAnswers(config, clients),
    questionnaires: wireQuestionnaires(config, clients),
    results: wireResults(config, clients),
    materials: wireMaterials(config, clients),
    personalData: wirePersonalData(config, clients),
    ...wireSettings(config),
    ...wireSender(config, clients),
    logger: new Logger({ serviceName: 'jobs' }),
    retentionMonths: config.retentionMonths ?? DEFAULT_RETENTION_MONTHS,
    ...overrides,
  }
}
