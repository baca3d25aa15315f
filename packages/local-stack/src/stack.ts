import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { apiClients, apiConfigFromEnv, createApp, wireApi } from '@ey/api'
import {
  type AbuseLimits,
  type Clock,
  ensureDefaultTemplates,
  QUERY_BOUNDS,
  type StaffDirectory,
  type StaffMember,
} from '@ey/domain'
import { ensureTable } from '@ey/dynamodb'
import { localFileServer } from '@ey/files'
import { type CompletedRun, JOBS, jobsClients, jobsConfigFromEnv, wireJobs } from '@ey/jobs-function'
import { createMailHandler, mailClients, mailConfigFromEnv, wireMail } from '@ey/mail-function'
import {
  abuseLimitsEnv,
  coreClients,
  coreConfigFromEnv,
  Logger,
  shiftedClock,
  systemClock,
  wireCore,
} from '@ey/runtime'
import { createStatsHandler, statsClients, statsConfigFromEnv, wireStats } from '@ey/stats-function'
import { LOCAL_CREDENTIALS, type LocalService, startDynamoDbLocal } from './dynamodb-local.ts'
import { freePort } from './free-port.ts'
import { type JobControl, startJobControl } from './jobs/control.ts'
import { type JobRunner, startJobRunner } from './jobs/runner.ts'
import { type SeedReport, seedDemoData } from './seed/seed.ts'
import { seedDemoStaff } from './seed/staff.ts'
import { startSesEmulator } from './ses-local.ts'
import { startStaffIssuer } from './staff/issuer.ts'
import {
  fileCheckpoint,
  type StreamCheckpoint,
  type StreamPoller,
  startStreamPoller,
} from './stream-poller.ts'
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
  /** Tune DynamoDB Local for a run of many minutes, such as a benchmark (see `startDynamoDbLocal`). */
  longRun?: boolean
  /** Load the demo programme (idempotent). */
  seed?: boolean
  /** Deliver outbox emails through the SES emulator (default true). */
  mail?: boolean
  /**
   * Send each new outbox email as the table's stream announces it (default true). With false only
   * the sweeper sends them, as in AWS while the stream mapping is down.
   */
  stream?: boolean
  /** The built site to serve beside the API. */
  siteDir?: string
  /** Told about mail delivery failures; defaults to the logger. */
  onError?: (error: unknown) => void
  /**
   * The time the stack's clock starts at, running on from there (default: the real time). The
   * API, the mail handler, the seed and the jobs all read this clock.
   */
  now?: Date
  /**
   * The clock itself, for a caller that moves it (a test that lives through a session's days in
   * seconds); it takes the place of `now`.
   */
  clock?: Clock
  /** Run the scheduled jobs on their schedules, and take runs by hand (default true). */
  jobs?: boolean
  /** How often the job runner looks for due jobs (default 5 s). */
  jobTickMs?: number
  /** Told about every finished job run. */
  onJobRun?: (run: CompletedRun) => void
  /** Told about every failed job run (it is tried again at the next tick); defaults to the logger. */
  onJobError?: (job: string, error: unknown) => void
  /**
   * Abuse limits over `DEFAULT_ABUSE_LIMITS`, handed to the functions as the `LIMIT_…` variables
   * AWS would set (tests and benchmarks that book many times raise them: `test/support/limits.ts`).
   */
  limits?: Partial<AbuseLimits>
}

export interface LocalStack {
  webUrl: string
  dynamoEndpoint: string
  sesEndpoint: string | undefined
  /** The local staff issuer (`iss` of staff tokens; sign-in and keys live under it). */
  issuerUrl: string
  tableName: string
  /** The clock every part of the stack reads. */
  clock: Clock
  /** The scheduled jobs, and where `pnpm job` asks for a run; undefined with `jobs: false`. */
  jobs: (JobRunner & Pick<JobControl, 'url' | 'token'>) | undefined
  /** The configuration the functions were built from: the same variables they read in AWS. */
  env: Record<string, string>
  seed: SeedReport | undefined
  /** Resolves once every outbox email written so far has been handled by the stream (at once with `stream: false`). */
  drainMail(timeoutMs?: number): Promise<void>
  /** Resolves once every booking change written so far is in the take-up aggregates (the stats function's stream). */
  drainTakeUp(timeoutMs?: number): Promise<void>
  stop(): Promise<void>
}

export const TABLE_NAME = 'training'
const MAIL_FROM = 'Early Years SEND Training <bookings@training.example.org>'

/**
 * Starts the whole system on this machine: DynamoDB Local, the SES emulator, the staff sign-in
 * issuer, the API (the same Hono app the Lambda runs), the mail handler and the take-up aggregates
 * fed by the table's stream, the scheduled jobs and the site, seeded with demo data, all on one clock. Everything binds to
 * 127.0.0.1 and `stop()` ends all of it.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const stops: (() => Promise<void>)[] = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }
  const clock = options.clock ?? (options.now ? shiftedClock(options.now, systemClock) : systemClock)
  try {
    process.env.AWS_REGION ??= 'eu-west-2'
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN'
    process.env.AWS_ACCESS_KEY_ID ??= LOCAL_CREDENTIALS.accessKeyId
    process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_CREDENTIALS.secretAccessKey
    const dynamo: LocalService = await startDynamoDbLocal({
      ...(options.dynamoPort ? { port: options.dynamoPort } : {}),
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}),
      ...(options.longRun ? { longRun: true } : {}),
    })
    stops.push(dynamo.stop)
    const mailOn = options.mail ?? true
    const ses = mailOn ? await startSesEmulator(options.sesPort ? { port: options.sesPort } : {}) : undefined
    if (ses) stops.push(ses.stop)

    await ensureTable(new DynamoDBClient({ endpoint: dynamo.endpoint }), TABLE_NAME)

    const webPort = options.webPort ?? (await freePort())
    const webUrl = `http://127.0.0.1:${webPort}`
    const env: Record<string, string> = {
      TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SITE_URL: webUrl,
      MAIL_FROM,
      MANAGE_TOKEN_SECRET: localSecret(options.dataDir),
      MATERIALS_DIR: materialsDir(options.dataDir, stops),
      ...(ses ? { SES_ENDPOINT: ses.endpoint } : {}),
      ...abuseLimitsEnv(options.limits ?? {}),
      // The retention period, when the shell that started the stack sets one.
      ...(process.env.RETENTION_MONTHS ? { RETENTION_MONTHS: process.env.RETENTION_MONTHS } : {}),
      // The default reminders likewise; set but empty, sessions that set none get none.
      ...(process.env.REMINDER_LEADS_MINUTES === undefined
        ? {}
        : { REMINDER_LEADS_MINUTES: process.env.REMINDER_LEADS_MINUTES }),
    }
    // The seed and the issuer use the same wiring as the functions, before the issuer's
    // address (which the API's configuration needs) is known.
    const coreConfig = await coreConfigFromEnv(env)
    const clients = coreClients(coreConfig)
    const core = wireCore(coreConfig, clients, { clock })

    // Sign-in reads the same directory the API's invites write, so an invited member can sign in.
    const directory = core.staffDirectory
    if (options.seed) {
      await seedDemoStaff(directory)
      await ensureDefaultTemplates(core.questionnaires)
    }
    const issuer = await startStaffIssuer({
      ...(options.issuerPort ? { port: options.issuerPort } : {}),
      siteUrl: webUrl,
      users: { find: (username) => directory.findByUsername(username), list: () => everyMember(directory) },
    })
    stops.push(issuer.stop)
    Object.assign(env, {
      STAFF_ISSUER: issuer.url,
      STAFF_AUDIENCE: issuer.audience,
      STAFF_JWKS_URL: issuer.jwksUrl,
    })
    const logger = new Logger({ serviceName: 'local', logLevel: 'WARN' })

    // Always on, as its mapping is in AWS, and started before the seed: the seed's bookings and
    // every later change reach the aggregates the way production's do, from the stream. With a
    // data folder each poller keeps its place in the stream there, as a mapping does, so a restart
    // (or a copy of the folder) goes on after the records handled before instead of reading all again.
    const statsConfig = statsConfigFromEnv(env)
    const statsPoller = startStreamPoller({
      client: { endpoint: dynamo.endpoint, region: process.env.AWS_REGION },
      tableName: TABLE_NAME,
      handler: createStatsHandler(wireStats(statsConfig, statsClients(statsConfig), { logger })),
      ...streamPlace(options.dataDir, 'stats'),
      pollIntervalMs: 200,
      onError: (error) => logger.warn('stats stream: a batch failed', { error }),
    })
    stops.push(statsPoller.stop)

    const seed = options.seed
      ? await seedDemoData({ ...core, doc: clients.doc, tableName: TABLE_NAME })
      : undefined

    let poller: StreamPoller | undefined
    if (ses && (options.stream ?? true)) {
      const mailConfig = await mailConfigFromEnv(env)
      const handler = createMailHandler(wireMail(mailConfig, mailClients(mailConfig), { logger, clock }))
      poller = startStreamPoller({
        client: { endpoint: dynamo.endpoint, region: process.env.AWS_REGION },
        tableName: TABLE_NAME,
        handler,
        ...streamPlace(options.dataDir, 'mail'),
        pollIntervalMs: 200,
        onError: options.onError ?? ((error) => logger.warn('mail stream: a batch failed', { error })),
      })
      stops.push(() => poller?.stop() ?? Promise.resolve())
    }

    const apiConfig = await apiConfigFromEnv(env)
    const api = createApp(wireApi(apiConfig, apiClients(apiConfig), { clock }))
    const files =
      apiConfig.materialFiles.kind === 'local' ? localFileServer(apiConfig.materialFiles, clock) : undefined
    const web = await listen(createWebApp(api, options.siteDir, files), webPort)
    stops.push(web.close)

    let jobs: LocalStack['jobs']
    if (options.jobs ?? true) {
      const jobsConfig = await jobsConfigFromEnv(env)
      const runner = startJobRunner({
        jobs: JOBS,
        deps: wireJobs(jobsConfig, jobsClients(jobsConfig), { clock, logger }),
        ...(options.jobTickMs ? { tickMs: options.jobTickMs } : {}),
        ...(options.onJobRun ? { onRun: options.onJobRun } : {}),
        onError:
          options.onJobError ??
          ((job, error) => logger.warn('job failed; it runs again at the next tick', { job, error })),
      })
      stops.push(runner.stop)
      const control = await startJobControl(runner)
      stops.push(control.close)
      jobs = { ...runner, url: control.url, token: control.token }
    }

    return {
      webUrl,
      dynamoEndpoint: dynamo.endpoint,
      sesEndpoint: ses?.endpoint,
      issuerUrl: issuer.url,
      tableName: TABLE_NAME,
      clock,
      jobs,
      env,
      seed,
      drainMail: (timeoutMs) => poller?.drain(timeoutMs) ?? Promise.resolve(),
      drainTakeUp: (timeoutMs) => statsPoller.drain(timeoutMs),
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}

/** Where a stream poller keeps its place: `streams/<name>.json` in the data folder, nowhere in memory. */
function streamPlace(dataDir: string | undefined, name: string): { checkpoint?: StreamCheckpoint } {
  return dataDir ? { checkpoint: fileCheckpoint(join(dataDir, 'streams', `${name}.json`)) } : {}
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

/**
 * The folder material files are kept in: `materials/` beside the data, or a temporary folder
 * removed at stop when the stack keeps nothing.
 */
function materialsDir(dataDir: string | undefined, stops: (() => Promise<void>)[]): string {
  if (dataDir) {
    mkdirSync(join(dataDir, 'materials'), { recursive: true })
    return join(dataDir, 'materials')
  }
  const dir = mkdtempSync(join(tmpdir(), 'ey-materials-'))
  stops.push(async () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** The whole directory, a page at a time: the local sign-in page lists every member to choose from. */
async function everyMember(directory: StaffDirectory): Promise<StaffMember[]> {
  const members: StaffMember[] = []
  let after: string | undefined
  do {
    const page = await directory.page({ limit: QUERY_BOUNDS.pageSize, ...(after ? { after } : {}) })
    members.push(...page.items)
    after = page.next
  } while (after)
  return members
}
