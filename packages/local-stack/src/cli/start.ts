// `pnpm start`: the whole platform on this machine, seeded with demo data; Ctrl-C stops it all.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { londonMoment } from '@ey/presentation'
import { parseInstant } from '../instant.ts'
import { removeStackFile, writeStackFile } from '../jobs/stack-file.ts'
import { startLocalStack } from '../stack.ts'
import { DEMO_STAFF } from '../staff/demo-staff.ts'
import { DEFAULT_ISSUER_PORT } from '../staff/issuer.ts'

const { values } = parseArgs({
  // `pnpm start -- --flag` hands the script a literal `--` first.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'in-memory': { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT ?? '8000' },
    'ses-port': { type: 'string', default: process.env.SES_PORT ?? '8005' },
    'issuer-port': { type: 'string', default: process.env.ISSUER_PORT ?? String(DEFAULT_ISSUER_PORT) },
    // The stack's clock starts at this time and runs on from there.
    now: { type: 'string' },
    // Where `pnpm job` finds the running stack (tests give their own).
    'stack-file': { type: 'string' },
  },
})

let now: Date | undefined
try {
  now = values.now === undefined ? undefined : parseInstant(values.now)
} catch (error) {
  console.error(`--now ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}

const root = resolve(import.meta.dirname, '../../../..')
const siteDir = resolve(root, 'site/dist')
// Where `pnpm job` finds the running stack; removed on stop.
const stackFile = values['stack-file'] ? resolve(values['stack-file']) : resolve(root, '.local/stack.json')
const started = performance.now()
console.log('Starting DynamoDB Local, the SES emulator, the API and the site…')

const stack = await startLocalStack({
  ...(values['in-memory'] ? {} : { dataDir: resolve(root, '.local') }),
  webPort: Number(values.port),
  dynamoPort: Number(values['dynamodb-port']),
  sesPort: Number(values['ses-port']),
  issuerPort: Number(values['issuer-port']),
  seed: !values['no-seed'],
  ...(existsSync(siteDir) ? { siteDir } : {}),
  ...(now ? { now } : {}),
  onJobRun: (run) => {
    if (Object.values(run.report).some((n) => n > 0)) {
      const counts = Object.entries(run.report).map(([key, n]) => `${key} ${n}`)
      console.log(`Job ${run.job} (as at ${run.now.toISOString()}): ${counts.join(', ')}`)
    }
  },
}).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`)
  console.error(
    'If a port is in use, choose others: pnpm start -- --port 3001 --dynamodb-port 8001 --ses-port 8006 --issuer-port 8011',
  )
  process.exit(1)
})

const seed = stack.seed
if (stack.jobs) {
  writeStackFile(stackFile, {
    pid: process.pid,
    webUrl: stack.webUrl,
    dynamoEndpoint: stack.dynamoEndpoint,
    ...(stack.sesEndpoint ? { sesEndpoint: stack.sesEndpoint } : {}),
    issuerUrl: stack.issuerUrl,
    tableName: stack.tableName,
    jobs: { url: stack.jobs.url, token: stack.jobs.token },
    clock: { at: stack.clock.now().toISOString(), shifted: now !== undefined },
  })
}
console.log(`
  Site            ${stack.webUrl}/${existsSync(siteDir) ? '' : '   (site not built: pnpm --filter @ey/site build)'}
  API             ${stack.webUrl}/api/health  ·  OpenAPI ${stack.webUrl}/api/openapi.json
  Emails sent     ${stack.sesEndpoint}/   (the SES emulator's page; JSON at ${stack.sesEndpoint}/store)
  DynamoDB Local  ${stack.dynamoEndpoint}   table "${stack.tableName}"   data ${values['in-memory'] ? 'in memory' : '.local/dynamodb'}
  Staff sign-in   ${stack.webUrl}/staff/   issuer ${stack.issuerUrl}   (pick a user; no password locally)
  Demo staff      ${DEMO_STAFF.map((staff) => `${staff.username} (${staff.roles.join(', ')})`).join(', ')}
  Staff token     pnpm -s staff-token -- --user trainer-amira${stack.issuerUrl.endsWith(`:${DEFAULT_ISSUER_PORT}`) ? '' : ` --issuer ${stack.issuerUrl}`}
  Jobs            ${
    stack.jobs
      ?.jobs()
      .map((job) => `${job.name} (${job.schedule})`)
      .join(', ') || 'none'
  }   run one: pnpm job <name> [--now <time>]
  Demo data       ${seed?.seeded ? `loaded: ${seed.partners} partners, ${seed.courses} courses, ${seed.sessions} sessions, ${seed.bookings} bookings; last term ${seed.past.sessions} sessions, ${seed.past.bookings} bookings, ${seed.past.responses} questionnaire answers` : 'already loaded (kept from the last run)'}
`)
const clock = now
  ? ` The clock was set to ${londonMoment(now)}, London time (${now.toISOString()}), and runs on from there.`
  : ''
console.log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s.${clock} Press Ctrl-C to stop.`)

let stopping = false
async function shutdown() {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  removeStackFile(stackFile)
  await stack.stop()
  console.log('Stopped.')
  process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown)
// However we end, `pnpm job` must not find a file naming a stack that is gone.
process.once('exit', () => removeStackFile(stackFile))
// The `node` package's wrapper does not pass signals on: when whoever started us goes away
// (e.g. `timeout` or a supervisor stopping pnpm), we are re-parented, and stop too.
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) void shutdown()
}, 1000).unref()
