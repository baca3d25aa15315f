import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Logger } from '@aws-lambda-powertools/logger'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { buildDeps as buildApiDeps, createApp } from '@ey/api'
import { hmacTokens, randomIds } from '@ey/domain'
import {
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoSessionStore,
  createDynamoStaffDirectory,
  ensureTable,
} from '@ey/dynamodb'
import { buildDeps as buildMailDeps, createMailHandler } from '@ey/mail-function'
import { LOCAL_CREDENTIALS, type LocalService, startDynamoDbLocal } from './dynamodb-local.ts'
import { freePort } from './free-port.ts'
import { type SeedReport, seedDemoData } from './seed/seed.ts'
import { seedDemoStaff } from './seed/staff.ts'
import { startSesEmulator } from './ses-local.ts'
import { startStaffIssuer } from './staff/issuer.ts'
import { type StreamPoller, startStreamPoller } from './stream-poller.ts'
import { createWebApp, listen } from './web-server.ts'

export interface LocalStackOptions {
  /** Absolute folder for DynamoDB Local's data and the local secret; omitted keeps all in memory. */
  dataDir?: string
  /** Port of the site and API (default: a free port). */
  webPort?: number
  dynamoPort?: number
  sesPort?: number
  /** Port of the local staff sign-in issuer (default: a free port). */
  issuerPort?: number
  /** Load the demo programme (idempotent). */
  seed?: boolean
  /** Deliver outbox emails through the SES emulator (default true). */
  mail?: boolean
  /** The built site to serve beside the API. */
  siteDir?: string
  /** Told about mail delivery failures; defaults to the logger. */
  onError?: (error: unknown) => void
}

export interface LocalStack {
  webUrl: string
  dynamoEndpoint: string
  sesEndpoint: string | undefined
  /** The local staff issuer (`iss` of staff tokens; sign-in and keys live under it). */
  issuerUrl: string
  tableName: string
  /** The configuration the functions were built from: the same variables they read in AWS. */
  env: Record<string, string>
  seed: SeedReport | undefined
  /** Resolves once every outbox email written so far has been handled. */
  drainMail(timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

export const TABLE_NAME = 'training'
const MAIL_FROM = 'Early Years SEND Training <bookings@training.example.org>'

/**
 * Starts the whole system on this machine: DynamoDB Local, the SES emulator, the staff sign-in
 * issuer, the API (the same Hono app the Lambda runs), the mail handler fed by the table's stream,
 * and the site, seeded with demo data. Everything binds to 127.0.0.1 and `stop()` ends all of it.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stops: (() => Promise<void>)[] = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }
  try {
    process.env.AWS_REGION ??= 'eu-west-2'
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN'
    process.env.AWS_ACCESS_KEY_ID ??= LOCAL_CREDENTIALS.accessKeyId
    process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_CREDENTIALS.secretAccessKey
    const dynamo: LocalService = await startDynamoDbLocal({
      ...(options.dynamoPort ? { port: options.dynamoPort } : {}),
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}),
    })
    stops.push(dynamo.stop)
    const mailOn = options.mail ?? true
    const ses = mailOn ? await startSesEmulator(options.sesPort ? { port: options.sesPort } : {}) : undefined
    if (ses) stops.push(ses.stop)

    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: process.env.AWS_REGION })
    await ensureTable(client, TABLE_NAME)
    const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } })

    // Sign-in reads the same directory the API's invites write, so an invited member can sign in.
    const directory = createDynamoStaffDirectory({ doc, tableName: TABLE_NAME })
    if (options.seed) await seedDemoStaff(directory)
    const issuer = await startStaffIssuer({
      ...(options.issuerPort ? { port: options.issuerPort } : {}),
      users: { find: (username) => directory.findByUsername(username), list: () => directory.list() },
    })
    stops.push(issuer.stop)
    const webPort = options.webPort ?? (await freePort())
    const webUrl = `http://127.0.0.1:${webPort}`
    const env: Record<string, string> = {
      TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SITE_URL: webUrl,
      MAIL_FROM,
      MANAGE_TOKEN_SECRET: localSecret(options.dataDir),
      STAFF_ISSUER: issuer.url,
      STAFF_AUDIENCE: issuer.audience,
      STAFF_JWKS_URL: issuer.jwksUrl,
      ...(ses ? { SES_ENDPOINT: ses.endpoint } : {}),
    }
    const logger = new Logger({ serviceName: 'local', logLevel: 'WARN' })

    let seed: SeedReport | undefined
    if (options.seed) {
      seed = await seedDemoData({
        doc,
        tableName: TABLE_NAME,
        catalogue: createDynamoCatalogueRepository({ doc, tableName: TABLE_NAME }),
        sessions: createDynamoSessionStore({ doc, tableName: TABLE_NAME }),
        bookings: createDynamoBookingRepository({ doc, tableName: TABLE_NAME }),
        tokens: hmacTokens(env.MANAGE_TOKEN_SECRET ?? ''),
        ids: randomIds,
      })
    }

    let poller: StreamPoller | undefined
    if (ses) {
      const handler = createMailHandler(await buildMailDeps(logger, env))
      poller = startStreamPoller({
        client: { endpoint: dynamo.endpoint, region: process.env.AWS_REGION },
        tableName: TABLE_NAME,
        handler,
        pollIntervalMs: 200,
        onError: options.onError ?? ((error) => logger.warn('mail delivery failed; will retry', { error })),
      })
      stops.push(() => poller?.stop() ?? Promise.resolve())
    }

    const api = createApp(await buildApiDeps(env))
    const web = await listen(createWebApp(api, options.siteDir), webPort)
    stops.push(web.close)

    return {
      webUrl,
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses?.endpoint,
      issuerUrl: issuer.url,
      tableName: TABLE_NAME,
      env,
      seed,
      drainMail: (timeoutMs) => poller?.drain(timeoutMs) ?? Promise.resolve(),
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}

/**
 * The manage-token secret of this machine's local data: kept beside the data so emailed links
 * still work after a restart; a fresh one for an in-memory stack. Never committed.
 */
function localSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url')
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'manage-token-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}
