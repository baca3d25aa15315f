import type { Clock } from '@ey/domain'
import { LOCAL_CREDENTIALS, type StreamPoller, startStreamPoller } from '@ey/local-stack'
import { SESClient } from '@ey/mail/ses'
import { createMailHandler, type MailConfig, wireMail } from '@ey/mail-function'
import { inject } from 'vitest'
import { localDynamoConfig, type TestTable } from './dynamo.ts'

/** An SES client of the run's emulator. */
export function emulatorSes(): SESClient {
  return new SESClient({
    endpoint: inject('sesEndpoint'),
    region: 'eu-west-2',
    credentials: LOCAL_CREDENTIALS,
  })
}

/**
 * The mail flow of a test table: the mail function wired as its Lambda entry is (silent), fed by a
 * poller of the table's stream every 50 ms, sending to `ses` (the emulator unless given). Stop it after.
 */
export function startMailFlow(
  table: TestTable,
  config: MailConfig,
  options: { ses?: SESClient; clock?: Clock } = {},
): StreamPoller {
  const silent = { info: () => {}, warn: () => {}, error: () => {} }
  const mail = wireMail(
    config,
    { doc: table.doc, ses: options.ses ?? emulatorSes() },
    { logger: silent, ...(options.clock ? { clock: options.clock } : {}) },
  )
  return startStreamPoller({
    client: localDynamoConfig(),
    tableName: table.tableName,
    handler: createMailHandler(mail),
    pollIntervalMs: 50,
  })
}
