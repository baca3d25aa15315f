// `pnpm bench:mail`: on the local stack (DynamoDB Local, the stream poller, the SES emulator, the
// job runner), how long a booking's confirmation email takes from the booking's 202 to the SES
// emulator's store, and how many outbox emails a second the sweeper sends when the stream is off.

import { parseArgs } from 'node:util'
import type { BookingRequest } from '@ey/contract'
import { bookSession, OUTBOX_STREAM_GRACE_MS } from '@ey/domain'
import {
  clearSentEmails,
  type LocalStack,
  readSentEmails,
  type SentEmail,
  startLocalStack,
} from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import {
  announceRaisedLimits,
  BENCH_LIMITS,
  benchArgs,
  benchPerson,
  benchSession,
  burst,
  percentile,
} from './support.ts'

const OPTIONS = {
  bookings: { type: 'string', default: '100', description: 'bookings whose email is timed' },
  sweep: { type: 'string', default: '200', description: 'emails queued for the sweeper' },
  concurrency: { type: 'string', default: '1', description: 'clients booking at once in the timed part' },
  poll: { type: 'string', default: '10', description: 'ms between reads of the emulator’s store' },
} as const
const { values } = parseArgs({ args: benchArgs(), options: OPTIONS })
/** A whole number above 0 from the option of this name; otherwise says what it takes and stops. */
function count(name: keyof typeof OPTIONS): number {
  const value = Number(values[name])
  if (Number.isInteger(value) && value > 0) return value
  console.error(`--${name} takes a whole number above 0 (${OPTIONS[name].description})`)
  process.exit(2)
}
const BOOKINGS = count('bookings')
const SWEEP = count('sweep')
const CONCURRENCY = count('concurrency')
const POLL_MS = count('poll')
/** How long an email may take before the run counts it lost. */
const EMAIL_TIMEOUT_MS = 30_000

const problems: string[] = []
const progress = (text: string) => console.error(`  … ${text}`)
/** Prints progress at every tenth of `total`. */
const every10th = (total: number, what: string) => (done: number) => {
  if (done === total || done % Math.max(1, Math.round(total / 10)) === 0) progress(`${done}/${total} ${what}`)
}

/** The bare address of a To header entry (`Name <a@b>` or `a@b`), lower-cased. */
function addressOf(header: string): string {
  return (/<([^>]+)>/.exec(header)?.[1] ?? header).trim().toLowerCase()
}

/**
 * Watches the emulator's store for emails to the addresses it is told to expect, reading only the
 * latest emails (`since` the second before the previous read began) every `intervalMs`. An arrival
 * is timed when a read first sees it, so the figures are exact to within the interval.
 */
function watchInbox(endpoint: string, intervalMs: number) {
  const expected = new Map<string, (seenAt: number) => void>()
  let since = Math.floor(Date.now() / 1000) - 1
  let stopped = false
  const reading = (async () => {
    while (!stopped) {
      const startedAt = Date.now()
      if (expected.size > 0) {
        const emails: SentEmail[] = await readSentEmails(endpoint, since)
        const seenAt = performance.now()
        for (const to of emails.flatMap((email) => email.destination.to).map(addressOf)) {
          expected.get(to)?.(seenAt)
          expected.delete(to)
        }
        since = Math.floor(startedAt / 1000) - 1
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  })()
  return {
    /** When the first email to `address` is seen (performance.now()); call before it can be sent. */
    arrival(address: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          expected.delete(address)
          reject(new Error(`no email to ${address} within ${EMAIL_TIMEOUT_MS} ms`))
        }, EMAIL_TIMEOUT_MS)
        expected.set(address, (seenAt) => {
          clearTimeout(timer)
          resolve(seenAt)
        })
      })
    },
    async stop() {
      stopped = true
      await reading
    },
  }
}

/** (a) Books through the API one after another and times each confirmation email from the 202. */
async function timeConfirmations(stack: LocalStack): Promise<number[]> {
  const config = await coreConfigFromEnv(stack.env)
  await wireCore(config, coreClients(config)).sessions.createSessions([benchSession('bench-mail', BOOKINGS)])
  const inbox = watchInbox(stack.sesEndpoint ?? '', POLL_MS)
  const run = crypto.randomUUID().slice(0, 8)
  const report = every10th(BOOKINGS, 'confirmation emails arrived')
  let arrived = 0
  const { results } = await burst(BOOKINGS, CONCURRENCY, async (n) => {
    const person: BookingRequest = benchPerson(`latency-${run}`, n)
    const arrival = inbox.arrival(person.email.toLowerCase())
    arrival.catch(() => undefined)
    const response = await fetch(`${stack.webUrl}/api/sessions/bench-mail/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `${run}-${n}` },
      body: JSON.stringify(person),
    })
    const answeredAt = performance.now()
    if (response.status !== 202) throw new Error(`booking ${n} answered ${response.status}`)
    const latency = (await arrival) - answeredAt
    report(++arrived)
    return latency
  })
  await inbox.stop()
  for (const result of results) if (result.error) problems.push(String(result.error))
  return results.flatMap((result) => (result.value === undefined ? [] : [result.value]))
}

/** Asks the stack's job runner to run a job, as `pnpm job <name> --now <time>` does. */
async function runJobByHand(stack: LocalStack, name: string, now: Date) {
  if (!stack.jobs) throw new Error('the stack runs no jobs')
  const response = await fetch(`${stack.jobs.url}/jobs/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.jobs.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ now: now.toISOString() }),
  })
  const answer = (await response.json()) as { report?: Record<string, number>; error?: string }
  if (!response.ok || !answer.report) throw new Error(`${name} failed: ${answer.error ?? response.status}`)
  return answer.report
}

/**
 * (b) Queues confirmation emails by booking straight through the use case while the stream is off,
 * then runs `sweep-outbox` until it has sent them all; answers what it sent and how long it took.
 */
async function timeSweep(stack: LocalStack) {
  const config = await coreConfigFromEnv(stack.env)
  const deps = wireCore(config, coreClients(config))
  await deps.sessions.createSessions([benchSession('bench-sweep', SWEEP)])
  const run = crypto.randomUUID().slice(0, 8)
  const report = every10th(SWEEP, 'emails queued')
  let queued = 0
  const booked = await burst(SWEEP, 8, async (n) => {
    await bookSession(deps, {
      sessionId: 'bench-sweep',
      idempotencyKey: `${run}-${n}`,
      person: benchPerson(`sweep-${run}`, n),
    })
    report(++queued)
  })
  for (const result of booked.results) if (result.error) problems.push(String(result.error))
  const before = await readSentEmails(stack.sesEndpoint ?? '')
  if (before.length > 0) problems.push(`${before.length} emails went before the sweep: the stream is not off`)

  // The runs are as at the end of the stream's grace period, when the sweeper takes new emails.
  let sent = 0
  let runs = 0
  const started = performance.now()
  for (;;) {
    const now = new Date(stack.clock.now().getTime() + OUTBOX_STREAM_GRACE_MS)
    const swept = await runJobByHand(stack, 'sweep-outbox', now)
    runs++
    sent += swept.sent ?? 0
    progress(`sweep-outbox run ${runs}: ${JSON.stringify(swept)}`)
    if (sent >= SWEEP || (swept.due ?? 0) === 0) break
  }
  const seconds = (performance.now() - started) / 1000
  const arrived = (await readSentEmails(stack.sesEndpoint ?? '')).length
  if (sent !== SWEEP || arrived !== SWEEP) {
    problems.push(`the sweeper sent ${sent} and the emulator holds ${arrived} of ${SWEEP} queued`)
  }
  return { sent, arrived, runs, seconds }
}

/** Starts a stack, runs `part` on it, and stops it, whatever happens. */
async function onStack<T>(
  options: Parameters<typeof startLocalStack>[0],
  part: (stack: LocalStack) => Promise<T>,
) {
  const stack = await startLocalStack({ ...options, limits: BENCH_LIMITS })
  try {
    if (stack.sesEndpoint) await clearSentEmails(stack.sesEndpoint)
    return await part(stack)
  } finally {
    await stack.stop()
  }
}

console.error(`(a) ${BOOKINGS} bookings over HTTP, ${CONCURRENCY} at a time, emails through the stream`)
const latencies = (await onStack({ seed: false }, timeConfirmations)).sort((a, b) => a - b)
console.error(`(b) ${SWEEP} emails queued with the stream off, then sent by sweep-outbox`)
// The job runner ticks hourly, so only the runs asked for here sweep.
const sweep = await onStack({ seed: false, stream: false, jobTickMs: 3_600_000 }, timeSweep)

const ms = (value: number) => `${value.toFixed(0)} ms`
console.log(`Mail on the local stack (Node ${process.version})`)
announceRaisedLimits()
console.log(`  booking 202 → confirmation email in the SES emulator, over ${latencies.length} bookings`)
console.log(
  `    median ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1) ?? Number.NaN)} (resolution ${POLL_MS} ms: how often the store is read)`,
)
console.log(`  sweep-outbox with the stream off: ${SWEEP} emails queued`)
console.log(
  `    sent ${sweep.sent} in ${sweep.seconds.toFixed(2)} s over ${sweep.runs} run(s): ${(sweep.sent / sweep.seconds).toFixed(1)} emails/s; the emulator holds ${sweep.arrived}`,
)
if (problems.length > 0) {
  console.log(`FAILED:\n${[...new Set(problems)].map((problem) => `  ${problem}`).join('\n')}`)
  process.exitCode = 1
}
