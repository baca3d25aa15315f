import type { Mailer } from '@ey/domain'
// The mailer's own module, not the package's index: the API loads this file at start (through this
// package's index) and sends no email, and the index would bring it the calendar library too.
import { createSesMailer, SESClient } from '@ey/mail/ses'
import type { CoreConfig } from './config.ts'
import { type Env, optionalEnv, requireEnv } from './env.ts'

/** The settings of a function that sends email: the sender, and where SES is. */
export interface SenderConfig {
  /** `Name <address>` or a bare address: the sender, and the calendar events' organiser. */
  mailFrom: string
  /** The SES configuration set that records deliveries, bounces and complaints. */
  sesConfigurationSet?: string
  /** The SES emulator's address when running on one machine; unset in AWS. */
  sesEndpoint?: string
}

/** The SES client of a function that sends email. */
export interface SenderClients {
  ses: SESClient
}

/** What delivering an email needs besides the table: the mailer, the links' site, the calendar's names, jitter. */
export interface SenderDeps {
  mailer: Mailer
  siteUrl: string
  /** The domain part of calendar event UIDs: the site's host. */
  calendarDomain: string
  organizer: { name: string; email: string }
  /** Spreads the retries of emails that failed together. */
  random: () => number
}

/**
 * Reads `MAIL_FROM` (required), `SES_CONFIGURATION_SET` and `SES_ENDPOINT` (optional); a missing
 * variable stops start-up, named.
 */
export function senderConfigFromEnv(env: Env): SenderConfig {
  const mailFrom = requireEnv('MAIL_FROM', env)
  const sesConfigurationSet = optionalEnv('SES_CONFIGURATION_SET', env)
  const sesEndpoint = optionalEnv('SES_ENDPOINT', env)
  return {
    mailFrom,
    ...(sesConfigurationSet ? { sesConfigurationSet } : {}),
    ...(sesEndpoint ? { sesEndpoint } : {}),
  }
}

/** The SES client for this configuration (the emulator's endpoint when it names one). */
export function senderClients(config: Pick<SenderConfig, 'sesEndpoint'>): SenderClients {
  const endpoint = config.sesEndpoint
  return { ses: new SESClient(endpoint ? { endpoint } : {}) }
}

/**
 * The sending half of delivery, shared by every function that sends outbox email (the mail
 * function and the sweeper's jobs function): the SES mailer, the calendar's domain and organiser
 * from the site and the sender, and a random source for retry jitter.
 */
export function wireSender(config: CoreConfig & SenderConfig, clients: SenderClients): SenderDeps {
  const from = config.mailFrom
  const configurationSetName = config.sesConfigurationSet
  return {
    mailer: createSesMailer({
      ses: clients.ses,
      from,
      ...(configurationSetName ? { configurationSetName } : {}),
    }),
    siteUrl: config.siteUrl,
    calendarDomain: new URL(config.siteUrl).hostname,
    organizer: organizerOf(from),
    random: Math.random,
  }
}

/** `Name <address>` or a bare address, as a calendar organiser. */
function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match
    ? { name: match[1] || (match[2] as string), email: match[2] as string }
    : { name: from, email: from }
}
