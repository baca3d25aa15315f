// `pnpm bench:lambda`: each function bundled as the CDK app bundles it (`infra/lib/bundling.ts`), its
// size (what a cold start loads, and with the chunks loaded later by `import()`), and a cold-start proxy: a fresh Node process that imports the bundle and answers its first
// event (against the local stack's DynamoDB Local, as the function would against DynamoDB), timed
// from spawn to exit, median of `--runs`, as a ratio to a minimal handler bundled the same way.

import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { bookSession } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { BUNDLE_BUDGETS, BUNDLING, FUNCTION_ENTRIES, type FunctionName, REPO_ROOT } from '@ey/infra'
import { bundleFunction } from '@ey/infra/bundle'
import { startLocalStack } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import type { Plugin } from 'esbuild'
import {
  announceRaisedLimits,
  BENCH_LIMITS,
  benchArgs,
  benchPerson,
  benchSession,
  percentile,
} from './support.ts'

const { values } = parseArgs({
  args: benchArgs(),
  options: { runs: { type: 'string', default: '20' }, sdk: { type: 'string', default: 'both' } },
})
const RUNS = Number(values.runs)
type SdkMode = 'bundled' | 'external' | 'stubbed'
/**
 * Bundled, left out (the runtime's own, here the repository's copy; as deployed), both to compare,
 * or `stubbed`: every `@aws-sdk/*` import replaced by an inert stand-in, to see what a cold start
 * costs without the SDK's code at all. Only mail-feedback and stats are timed so, answering an
 * empty batch (their real first events call AWS, which the stand-in cannot); `all` is the three modes.
 */
const SDK_MODES: SdkMode[] =
  values.sdk === 'both'
    ? ['bundled', 'external']
    : values.sdk === 'all'
      ? ['bundled', 'external', 'stubbed']
      : [values.sdk as SdkMode]
const STUBBABLE = new Set<string>(['mail-feedback', 'stats'])

/**
 * Stands in for each `@aws-sdk/*` package: a module with the real package's export names, each an
 * inert value that can be called, constructed, extended and read from, and does nothing.
 */
const sdkStub: Plugin = {
  name: 'aws-sdk-stub',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\// }, (args) => ({
      path: createRequire(join(args.resolveDir, 'index.js')).resolve(args.path),
      namespace: 'aws-sdk-stub',
    }))
    build.onLoad({ filter: /.*/, namespace: 'aws-sdk-stub' }, (args) => {
      const names = Object.keys(createRequire(args.path)(args.path) as object)
      return {
        contents: `const inert = new Proxy(function () {}, { get: (_, key) => (key === 'then' ? undefined : inert), apply: () => inert, construct: () => inert })\nmodule.exports = { ${names.map((name) => `${JSON.stringify(name)}: inert`).join(', ')} }\n`,
        loader: 'js',
      }
    })
  },
}

/** The first event each function answers: one it meets in production, small enough to repeat. */
const FIRST_EVENTS: Record<FunctionName | 'minimal', unknown> = {
  // The public catalogue, through API Gateway's HTTP API (payload 2.0): one Query of the table.
  api: {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: '/api/courses',
    rawQueryString: '',
    headers: { accept: 'application/json', host: 'bench.local' },
    requestContext: {
      http: {
        method: 'GET',
        path: '/api/courses',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: 'bench',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  },
  // The stream functions' first events are made for each run (`MADE_EVENTS`); these empty batches
  // are theirs when the SDK is stubbed. The Scheduler's event for a job.
  mail: { Records: [] },
  'mail-feedback': { Records: [] },
  jobs: { job: 'expire-offers' },
  stats: { Records: [] },
  minimal: {},
}

// Imports the bundle, answers the event, prints what came back and how long import + answer took.
const RUNNER = `
const started = performance.now()
const { handler } = await import(process.argv[1])
const imported = performance.now()
const answer = await handler(JSON.parse(process.argv[2]), { functionName: 'bench', getRemainingTimeInMillis: () => 10000 })
process.stdout.write(JSON.stringify({ ms: performance.now() - started, importMs: imported - started, answer }))
`

const work = mkdtempSync(join(tmpdir(), 'bench-lambda-'))
// With the SDK left out, the bundles import it from here: links to the repository's own copies.
linkSdkPackages(join(work, 'node_modules', '@aws-sdk'))
const minimalEntry = join(work, 'minimal.ts')
writeFileSync(minimalEntry, "export const handler = async () => ({ statusCode: 200, body: 'ok' })\n")

console.log('Starting the local stack (DynamoDB Local with the demo programme)…')
announceRaisedLimits()
// The SES emulator for the mail function; the stack's own stream sender off, so the function sends.
const stack = await startLocalStack({
  mail: true,
  stream: false,
  jobs: false,
  seed: true,
  limits: BENCH_LIMITS,
})
const coreConfig = await coreConfigFromEnv(stack.env)
const clients = coreClients(coreConfig)
const core = wireCore(coreConfig, clients)
// Items as the stream carries them (attribute values), for the records made below.
const rawTable = new DynamoDBClient({ endpoint: coreConfig.dynamodbEndpoint })
await core.sessions.createSessions([benchSession('bench-lambda-mail', 10_000)])
let bookings = 0

/** A function's first event, made for one run, and a check after it of what the event should have done. */
interface MadeEvent {
  event: unknown
  done: () => Promise<boolean>
}

/** A new booking on the benchmark session, with its confirmation queued. */
async function newBooking() {
  const n = ++bookings
  const { booking } = await bookSession(core, {
    sessionId: 'bench-lambda-mail',
    idempotencyKey: `bench-lambda-${Date.now()}-${n}`,
    person: benchPerson(`lambda-${Date.now()}`, n),
  })
  return { booking, n }
}

/** The table's item under `key` as the stream carries it (attribute values), and its key so. */
async function rawItem(key: { pk: string; sk: string }) {
  const Keys = { pk: { S: key.pk }, sk: { S: key.sk } }
  const { Item } = await rawTable.send(
    new GetItemCommand({ TableName: coreConfig.tableName, Key: Keys, ConsistentRead: true }),
  )
  if (!Item) throw new Error(`${key.pk} ${key.sk} is not in the table`)
  return { Keys, Item }
}

/** The stream's announcement of a new item (an INSERT with its new image), as Lambda hands it over. */
async function insertRecord(key: { pk: string; sk: string }, n: number) {
  const { Keys, Item } = await rawItem(key)
  return {
    eventID: `bench-${n}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    dynamodb: { Keys, NewImage: Item, SequenceNumber: String(n), StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }
}

/** Mail: a new booking's confirmation as the stream announces it; done once the email is sent. */
async function confirmationRecord(): Promise<MadeEvent> {
  const { booking, n } = await newBooking()
  const [email] = await core.personalData.emailsAbout([booking.id])
  if (!email) throw new Error(`booking ${booking.id} queued no email`)
  const key = keys.outbox(email.message.id)
  return {
    event: { Records: [await insertRecord(key, n)] },
    done: async () => (await rawItem(key)).Item.status?.S === 'sent',
  }
}

/** Stats: a new booking as the stream announces it (the answer says whether it was applied). */
async function bookingRecord(): Promise<MadeEvent> {
  const { booking, n } = await newBooking()
  return { event: { Records: [await insertRecord(keys.booking(booking.id), n)] }, done: async () => true }
}

/** Mail-feedback: SNS's delivery of SES's permanent bounce of a new address; done once it is undeliverable. */
async function bounceNotification(): Promise<MadeEvent> {
  const n = ++bookings
  const address = `bench.bounce.${Date.now()}.${n}@example.org`
  const at = new Date().toISOString()
  const message = {
    eventType: 'Bounce',
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: address }],
      timestamp: at,
    },
    mail: { timestamp: at, messageId: `bench-${n}`, destination: [address] },
  }
  return {
    event: {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: 'arn:aws:sns:eu-west-2:000000000000:bench:bench',
          Sns: {
            Type: 'Notification',
            MessageId: `bench-${n}`,
            TopicArn: 'arn:aws:sns:eu-west-2:000000000000:bench',
            Subject: null,
            Message: JSON.stringify(message),
            Timestamp: at,
            SignatureVersion: '1',
            Signature: '',
            SigningCertUrl: '',
            UnsubscribeUrl: '',
            MessageAttributes: {},
          },
        },
      ],
    },
    done: () => core.undeliverable.isUndeliverable(address),
  }
}

/** The functions whose first event is made for each run (the stubbed SDK cannot answer these). */
const MADE_EVENTS: Partial<Record<FunctionName, () => Promise<MadeEvent>>> = {
  mail: confirmationRecord,
  'mail-feedback': bounceNotification,
  stats: bookingRecord,
}

const env = {
  ...process.env,
  ...stack.env,
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  NODE_OPTIONS: '',
} as Record<string, string>

function coldStart(
  bundle: string,
  event: unknown,
): Promise<{ wallMs: number; inProcessMs: number; importMs: number; answer: unknown }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', RUNNER, bundle, JSON.stringify(event)],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = performance.now() - started
      if (code !== 0) return reject(new Error(`exit ${code}: ${err.slice(0, 500)}`))
      const { ms, importMs, answer } = JSON.parse(out) as { ms: number; importMs: number; answer: unknown }
      resolve({ wallMs, inProcessMs: ms, importMs, answer })
    })
  })
}

/** Links each AWS SDK package the functions import, as the repository installed it, under `dir`. */
function linkSdkPackages(dir: string): void {
  mkdirSync(dir, { recursive: true })
  const store = join(REPO_ROOT, 'node_modules', '.pnpm')
  for (const found of readdirSync(store)) {
    const name = /^@aws-sdk\+([a-z0-9-]+)@/.exec(found)?.[1]
    if (!name || existsSync(join(dir, name))) continue
    symlinkSync(join(store, found, 'node_modules', '@aws-sdk', name), join(dir, name))
  }
}

/** Whether the first answer is a success: a 2xx for the API, no failed records for a stream batch. */
function succeeded(name: string, answer: unknown): boolean {
  if (name === 'api' || name === 'minimal') return (answer as { statusCode?: number }).statusCode === 200
  if (answer && typeof answer === 'object' && 'batchItemFailures' in answer)
    return (answer as { batchItemFailures: unknown[] }).batchItemFailures.length === 0
  return true
}

type Row = {
  name: string
  sdk: string
  bytes: number
  totalBytes: number
  gzip: number
  budget: number | null
  wall: number
  inProcess: number
  /** Of `inProcess`, the import of the bundle (the rest is the first answer, its calls to the local stack included). */
  imported: number
}
const rows: Row[] = []
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  )

async function measure(name: string, entry: string, sdk: SdkMode): Promise<Row> {
  const bundle = await bundleFunction(
    entry,
    join(work, `${name}-${sdk}`),
    sdk === 'stubbed' ? { sdk: 'bundled', plugins: [sdkStub] } : { sdk },
  )
  // Each module a cold start loads, gzipped on its own, summed.
  const gzip = bundle.startFiles.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0)
  const walls: number[] = []
  const inProcess: number[] = []
  const imports: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const make = sdk === 'stubbed' ? undefined : MADE_EVENTS[name as FunctionName]
    const made = make ? await make() : undefined
    const event = made ? made.event : FIRST_EVENTS[name as FunctionName | 'minimal']
    const result = await coldStart(bundle.path, event)
    if (!succeeded(name, result.answer) || (made && !(await made.done())))
      throw new Error(
        `${name} did not answer its first event: ${JSON.stringify(result.answer).slice(0, 300)}`,
      )
    walls.push(result.wallMs)
    inProcess.push(result.inProcessMs)
    imports.push(result.importMs)
  }
  return {
    name,
    sdk: name === 'minimal' ? '-' : sdk,
    bytes: bundle.bytes,
    totalBytes: bundle.totalBytes,
    gzip,
    budget: name === 'minimal' ? null : BUNDLE_BUDGETS[name as FunctionName],
    wall: median(walls),
    inProcess: median(inProcess),
    imported: median(imports),
  }
}

try {
  const entries: [string, string][] = [['minimal', minimalEntry], ...Object.entries(FUNCTION_ENTRIES)]
  for (const [name, entry] of entries) {
    for (const sdk of name === 'minimal' ? (['bundled'] as const) : SDK_MODES) {
      if (sdk === 'stubbed' && !STUBBABLE.has(name)) continue
      const row = await measure(name, entry, sdk)
      rows.push(row)
      console.log(
        `${name} (SDK ${row.sdk}): ${(row.bytes / 1024).toFixed(0)} KB minified (${(row.gzip / 1024).toFixed(0)} KB gzipped, ${(row.totalBytes / 1024).toFixed(0)} KB with its later chunks); cold start median ${row.wall.toFixed(0)} ms (import and first answer ${row.inProcess.toFixed(0)} ms, of which the import ${row.imported.toFixed(0)} ms) over ${RUNS} runs`,
      )
    }
  }
} finally {
  rawTable.destroy()
  clients.doc.destroy()
  await stack.stop()
  rmSync(work, { recursive: true, force: true })
}

const minimal = rows.find((row) => row.name === 'minimal') as Row
console.log(
  `\nfunction        SDK        minified KB   gzip KB   with chunks KB   budget KB   cold start ms   ratio to minimal`,
)
for (const row of rows) {
  const deployed = row.sdk === (BUNDLING.bundleAwsSdk ? 'bundled' : 'external')
  const budget = row.budget === null || !deployed ? '-' : (row.budget / 1024).toFixed(0)
  console.log(
    `${row.name.padEnd(15)} ${row.sdk.padEnd(8)} ${(row.bytes / 1024).toFixed(0).padStart(11)} ${(row.gzip / 1024).toFixed(0).padStart(9)} ${(row.totalBytes / 1024).toFixed(0).padStart(16)} ${budget.padStart(11)} ${row.wall.toFixed(0).padStart(15)} ${(row.wall / minimal.wall).toFixed(2).padStart(18)}`,
  )
}
console.log(
  `\nGoals (issue 11): each bundle under 300 KB minified, cold-start ratio under 2. Node ${process.version}, ${RUNS} runs each.`,
)
