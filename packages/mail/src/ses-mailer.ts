import type { Mailer } from '@ey/domain'
import { type ComposeOptions, composeRawEmail } from './compose.ts'
import { type SESClient, SendRawEmailCommand } from './ses-client.ts'

export interface SesMailerOptions extends ComposeOptions {
  ses: SESClient
  /** The SES configuration set that records deliveries, bounces and complaints. */
  configurationSetName?: string
}

/**
 * The mailer on Amazon SES (SendRawEmail, so the calendar file can travel as an attachment).
 * SES errors reach the caller unchanged: throttling and outages are for it to retry.
 */
export function createSesMailer(options: SesMailerOptions): Mailer {
  const { ses, configurationSetName, ...compose } = options
  return {
    async send(email) {
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
