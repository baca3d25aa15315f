import type { Mailer } from '@ey/domain'
import type { ComposeOptions } from './compose.ts'
import { type SESClient, SendRawEmailCommand } from './ses-client.ts'

export interface SesMailerOptions extends ComposeOptions {
  ses: SESClient
  /** The SES configuration set that records deliveries, bounces and complaints. */
  configurationSetName?: string
}

/**
 * The mailer on Amazon SES (SendRawEmail, so the calendar file can travel as an attachment).
 * SES errors reach the caller unchanged: throttling and outages are for it to retry. The MIME
 * composer (nodemailer's, about 55 KB bundled) loads with the first email sent, from a chunk of its
 * own: a function that may send but mostly does not (the jobs: only the outbox sweep sends) does
 * not load it at start. The mail function sends with nearly every first event, so its cold start
 * loads it all the same, one step later.
 */
export function createSesMailer(options: SesMailerOptions): Mailer {
  const { ses, configurationSetName, ...compose } = options
  return {
    async send(email) {
      // Node keeps the module once loaded, as for the calendar file (`delivery/booking.ts`).
      const { composeRawEmail } = await import('./compose.ts')
      const raw = await composeRawEmail(email, compose)
      const result = await ses.send(
        new SendRawEmailCommand({
          RawMessage: { Data: raw },
          ...(configurationSetName ? { ConfigurationSetName: configurationSetName } : {}),
        }),
      )
      if (!result.MessageId) throw new Error('SES accepted the email without a message id')
      return { messageId: result.MessageId }
    },
  }
}

// The SES client travels with the mailer, so that importing `@ey/mail/ses` brings no more than both.
export {
  SESClient,
  SendRawEmailCommand,
  type SendRawEmailInput,
  type SendRawEmailOutput,
} from './ses-client.ts'
