// `pnpm job <name> [--now <time>]`: runs one scheduled job by hand inside the running local stack
// (`pnpm start`), as if at `--now` when given, and prints what it did. With no name, or an unknown
// one, lists the jobs and their schedules.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { JOB_SCHEDULES, SCHEDULE_TIME_ZONE } from '@ey/jobs-function/schedules'
import { londonMoment } from '@ey/presentation'
import { INSTANT_FORMATS, parseInstant } from '../instant.ts'
import { readStackFile, stackProcessAlive } from '../jobs/stack-file.ts'

const root = resolve(import.meta.dirname, '../../../..')
const USAGE = 'Usage: pnpm job <name> [--now <time>]'

function fail(code: number, ...lines: string[]): never {
  for (const line of lines) console.error(line)
  process.exit(code)
}

function jobList(): string {
  const width = Math.max(...JOB_SCHEDULES.map((job) => job.name.length), 4)
  const rows = JOB_SCHEDULES.map(
    (job) => `  ${job.name.padEnd(width)}  ${job.schedule.padEnd(18)}  ${job.description}`,
  )
  return [`Jobs (schedules in ${SCHEDULE_TIME_ZONE} time):`, ...(rows.length > 0 ? rows : ['  (none)'])].join(
    '\n',
  )
}

const parsed = (() => {
  try {
    return parseArgs({
      // `pnpm job -- name` hands the script a literal `--` first.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: {
        now: { type: 'string' },
        // Where the running stack wrote its endpoints (tests point at their own stack).
        stack: { type: 'string', default: resolve(root, '.local/stack.json') },
      },
    })
  } catch (error) {
    fail(2, error instanceof Error ? error.message : String(error), USAGE, `--now takes ${INSTANT_FORMATS}.`)
  }
})()

const [name] = parsed.positionals
if (!name) {
  console.log(`${USAGE}\n\n${jobList()}`)
  process.exit(0)
}
if (!JOB_SCHEDULES.some((job) => job.name === name)) fail(2, `There is no job "${name}".`, '', jobList())

let now: Date | undefined
try {
  now = parsed.values.now === undefined ? undefined : parseInstant(parsed.values.now)
} catch (error) {
  fail(2, `--now ${error instanceof Error ? error.message : String(error)}`)
}

const stackFile = parsed.values.stack
const stack = readStackFile(stackFile)
if (!stack) {
  fail(
    1,
    `No local stack is running (there is no ${stackFile}).`,
    'Start one with `pnpm start`, then run this again in another terminal.',
  )
}
if (!stackProcessAlive(stack)) {
  fail(
    1,
    `${stackFile} names a stack (process ${stack.pid}) that is no longer running: it stopped without tidying up.`,
    'Start it again with `pnpm start`, then run this again.',
  )
}

let response: Response
try {
  response = await fetch(`${stack.jobs.url}/jobs/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.jobs.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(now ? { now: now.toISOString() } : {}),
  })
} catch (error) {
  fail(
    1,
    `The local stack does not answer at ${stack.jobs.url} (${error instanceof Error ? error.message : String(error)}).`,
    'Is `pnpm start` still starting? Try again once it says Ready.',
  )
}
const answer = (await response.json()) as {
  error?: string
  now?: string
  report?: Record<string, number>
  durationMs?: number
}
if (!response.ok || !answer.report || !answer.now)
  fail(1, `${name} failed: ${answer.error ?? response.statusText}`)

const counts = Object.entries(answer.report)
const width = Math.max(...counts.map(([key]) => key.length), 0)
console.log(
  `${name} ran as at ${answer.now} (${londonMoment(answer.now)}, London time) in ${answer.durationMs} ms`,
)
console.log(
  counts.length > 0
    ? counts.map(([key, n]) => `  ${key.padEnd(width)}  ${n}`).join('\n')
    : '  (nothing to report)',
)
