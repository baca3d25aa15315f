import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { SESClient } from '@aws-sdk/client-ses'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { createDynamoBookingLookup, createDynamoBookingRepository, createOutboxStore } from '@ey/dynamodb'
import { createSesMailer } from '@ey/mail'
import { type Env, hmacTokens, manageTokenSecret, optionalEnv, requireEnv, systemClock } from '@ey/runtime'
import type { MailHandlerDeps } from './handler.ts'

/**
 * The composition root: reads the environment once and builds every dependency.
 * TABLE_NAME, SITE_URL, MAIL_FROM (`Name <address>`) and the manage-token key (`manageTokenSecret`) are required;
 * SES_CONFIGURATION_SET is optional; DYNAMODB_ENDPOINT and SES_ENDPOINT point at local emulators.
 */
export async function buildDeps(
  logger: MailHandlerDeps['logger'],
  env: Env = process.env,
): Promise<MailHandlerDeps> {
  const tableName = requireEnv('TABLE_NAME', env)
  const siteUrl = requireEnv('SITE_URL', env)
  const from = requireEnv('MAIL_FROM', env)
  const secret = await manageTokenSecret(env)
  const configurationSetName = optionalEnv('SES_CONFIGURATION_SET', env)
  const dynamoEndpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  const sesEndpoint = optionalEnv('SES_ENDPOINT', env)

  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient(dynamoEndpoint ? { endpoint: dynamoEndpoint } : {}),
    {
      marshallOptions: { removeUndefinedValues: true },
    },
  )
  const ses = new SESClient(sesEndpoint ? { endpoint: sesEndpoint } : {})
  return {
    outbox: createOutboxStore({ doc, tableName }),
    bookings: createDynamoBookingRepository({ doc, tableName }),
    lookup: createDynamoBookingLookup({ doc, tableName }),
    tokens: hmacTokens(secret),
    mailer: createSesMailer({ ses, from, ...(configurationSetName ? { configurationSetName } : {}) }),
    clock: systemClock,
    siteUrl,
    calendarDomain: new URL(siteUrl).hostname,
    organizer: organizerOf(from),
    logger,
  }
}

/** `Name <address>` or a bare address, as a calendar organiser. */
function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match
    ? { name: match[1] || (match[2] as string), email: match[2] as string }
    : { name: from, email: from }
}
