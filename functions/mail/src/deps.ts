import {
  type CoreClients,
  type CoreConfig,
  coreClients,
  coreConfigFromEnv,
  type Env,
  Logger,
  type SenderClients,
  type SenderConfig,
  senderClients,
  senderConfigFromEnv,
  systemClock,
  wireAlerts,
  wireAlertTokens,
  wireAnswers,
  wireBookings,
  wireCatalogue,
  wireLookup,
  wireManageLinks,
  wireMaterials,
  wireOutbox,
  wirePolicy,
  wireRegisters,
  wireReminders,
  wireSender,
  wireSessions,
  wireStaffDirectory,
  wireTokens,
  wireUndeliverable,
} from '@ey/runtime'
import type { MailHandlerDeps } from './handler.ts'

/** The mail function's settings: those every function shares, and the sender. */
export interface MailConfig extends CoreConfig, SenderConfig {}

/** The SDK clients the mail function's adapters use. */
export interface MailClients extends CoreClients, SenderClients {}

/**
 * Reads the mail function's environment once: the sender (see `senderConfigFromEnv`), then what
 * every function reads (see `coreConfigFromEnv`). A missing variable stops start-up, named.
 */
export async function mailConfigFromEnv(env: Env = process.env): Promise<MailConfig> {
  const sender = senderConfigFromEnv(env)
  return { ...(await coreConfigFromEnv(env)), ...sender }
}

/** The SDK clients for this configuration. */
export function mailClients(config: MailConfig): MailClients {
  return { ...coreClients(config), ...senderClients(config) }
}

/**
 * The mail function's composition root: the adapters delivery reads and writes (the outbox, the
 * undeliverable addresses, and every read a family of emails makes when it is sent), each made as
 * `wireCore` makes it but no other (so the bundle holds no other store), the system's clock, the
 * sending half of delivery (`wireSender`) and a logger; `overrides` replace any of them (the
 * Lambda entry passes its logger).
 */
export function wireMail(
  config: MailConfig,
  clients: MailClients,
  overrides: Partial<MailHandlerDeps> = {},
): MailHandlerDeps {
  return {
    bookings: wireBookings(config, clients),
    sessions: wireSessions(config, clients),
    catalogue: wireCatalogue(config, clients),
    lookup: wireLookup(config, clients),
    manageLinks: wireManageLinks(config, clients),
    registers: wireRegisters(config, clients),
    reminders: wireReminders(config, clients),
    staffDirectory: wireStaffDirectory(config, clients),
    alerts: wireAlerts(config, clients),
    answers: wireAnswers(config, clients),
    materials: wireMaterials(config, clients),
    outbox: wireOutbox(config, clients),
    undeliverable: wireUndeliverable(config, clients),
    tokens: wireTokens(config),
    alertTokens: wireAlertTokens(config),
    policy: wirePolicy(config),
    clock: systemClock,
    ...wireSender(config, clients),
    logger: new Logger({ serviceName: 'mail' }),
    ...overrides,
  }
}
