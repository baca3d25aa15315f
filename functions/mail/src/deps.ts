import { Logger } from '@aws-lambda-powertools/logger'
import { SESClient } from '@aws-sdk/client-ses'
import { createSesMailer } from '@ey/mail'
import {
  type CoreClients,
  type CoreConfig,
  coreClients,
  coreConfigFromEnv,
  type Env,
  optionalEnv,
  requireEnv,
  wireCore,
} from '@ey/runtime'
import type { MailHandlerDeps } from './handler.ts'

/** The mail function's settings: those every function shares, and the sender. */
export interface MailConfig extends CoreConfig {
  /** `Name <address>` or a bare address: the sender, and the calendar events' organiser. */
  mailFrom: string
  /** The SES configuration set that records deliveries, bounces and complaints. */
  sesConfigurationSet?: string
  /** The SES emulator's address when running on one machine; unset in AWS. */
  sesEndpoint?: string
}

/** The SDK clients the mail function's adapters use. */
export interface MailClients extends CoreClients {
  ses: SESClient
}

/**
 * Reads the mail function's environment once: `MAIL_FROM` (required), `SES_CONFIGURATION_SET` and
 * `SES_ENDPOINT` (optional), then what every function reads (see `coreConfigFromEnv`). A missing
 * variable stops start-up, named.
 */
export async function mailConfigFromEnv(env: Env = process.env): Promise<MailConfig> {
  const mailFrom = requireEnv('MAIL_FROM', env)
  const sesConfigurationSet = optionalEnv('SES_CONFIGURATION_SET', env)
  const sesEndpoint = optionalEnv('SES_ENDPOINT', env)
  return {
    ...(await coreConfigFromEnv(env)),
    mailFrom,
    ...(sesConfigurationSet ? { sesConfigurationSet } : {}),
    ...(sesEndpoint ? { sesEndpoint } : {}),
  }
}

/** The SDK clients for this configuration. */
export function mailClients(config: MailConfig): MailClients {
  const endpoint = config.sesEndpoint
  return { ...coreClients(config), ses: new SESClient(endpoint ? { endpoint } : {}) }
}

/**
 * The mail function's composition root: the core's outbox, bookings, lookup, tokens, clock and
 * undeliverable addresses (`wireCore`), the SES mailer, the calendar's domain and organiser from
 * the site and the sender, and a random source for retry jitter; `overrides` replace any of them
 * (the Lambda entry passes its logger).
 */
export function wireMail(
  config: MailConfig,
  clients: MailClients,
  overrides: Partial<MailHandlerDeps> = {},
): MailHandlerDeps {
  const { outbox, bookings, lookup, tokens, clock, undeliverable } = wireCore(config, clients)
  const from = config.mailFrom
  const configurationSetName = config.sesConfigurationSet
  return {
    outbox,
    bookings,
    lookup,
    tokens,
    clock,
    undeliverable,
    mailer: createSesMailer({
      ses: clients.ses,
      from,
      ...(configurationSetName ? { configurationSetName } : {}),
    }),
    siteUrl: config.siteUrl,
    calendarDomain: new URL(config.siteUrl).hostname,
    organizer: organizerOf(from),
    random: Math.random,
    logger: new Logger({ serviceName: 'mail' }),
    ...overrides,
  }
}

/** `Name <address>` or a bare address, as a calendar organiser. */
function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match
    ? { name: match[1] || (match[2] as string), email: match[2] as string }
    : { name: from, email: from }
}
