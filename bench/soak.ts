// `pnpm bench:soak`: the whole local stack under a mixed load for a set time, over HTTP as people,
// trainers and LA officers use it (browse, book, cancel, move, find my bookings, check in, answer
// questionnaires, LA downloads); then throughput, latency percentiles and errors per kind of
// request, and, once the mail has drained, the invariants checked straight in the table.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { BookingRequest, NewBookingView, QuestionnaireView, SessionView } from '@ey/contract'
import { bookingFingerprint, draftBooking, type Session } from '@ey/domain'
import {
  COURSES,
  DEMO_STAFF,
  demoPerson,
  type LocalStack,
  PARTNERS,
  readSentEmails,
  signInAs,
  startLocalStack,
} from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import { checkInvariants, describeChecks, readAllItems } from './soak-checks.ts'
import { benchArgs, percentile } from './support.ts'

const OPTIONS = {
  minutes: { type: 'string', default: '10', description: 'how long the load runs' },
  sessions: { type: 'string', default: '24', description: 'upcoming sessions to book' },
  rate: { type: 'string', default: '20', description: 'requests a second to start' },
  concurrency: { type: 'string', default: '16', description: 'requests in flight at most' },
} as const
const { values } = parseArgs({ args: benchArgs(), options: OPTIONS })
/** A number above 0 from the option of this name; otherwise says what it takes and stops. */
function positive(name: keyof typeof OPTIONS): number {
  const value = Number(values[name])
  if (Number.isFinite(value) && value > 0) return value
  console.error(`--${name} takes a number above 0 (${OPTIONS[name].description})`)
  process.exit(2)
}
const MINUTES = positive('minutes')
const SESSIONS = Math.ceil(positive('sessions'))
const RATE = positive('rate')
const CONCURRENCY = Math.ceil(positive('concurrency'))

/**
 * The abuse limits this run raises, and the one place it raises any. Every request of the soak
 * comes from 127.0.0.1, so the limits per client address (100 booking requests a minute, …), set
 * for one real office, would stop the load itself; the limits per email address, the daily cap of
 * bookings per address and the waiting-list cap stay as configured, since each simulated person has
 * an address of their own. `withRaisedLimits` hands them to `startLocalStack` as its `limits`. A
 * 429 is counted apart.
 */
const RAISED_LIMITS = {
  bookingPerAddressPerMinute: 1_000_000,
  lookupPerAddressPerMinute: 1_000_000,
  checkInPerAddressPerMinute: 1_000_000,
} as const
function withRaisedLimits<T extends object>(options: T): T & { limits: typeof RAISED_LIMITS } {
  return { ...options, limits: RAISED_LIMITS }
}

/** The LA whose officer downloads, and where a third of the simulated people work. */
const LA = 'E08000035'
const LA_OFFICER = 'la-leeds'
const TRAINERS = DEMO_STAFF.filter((staff) => staff.roles.includes('trainer')).map((staff) => staff.username)
/** People per past session, seeded as attended, who answer the post-session questionnaire. */
const PAST_PEOPLE = 30
const PAST_SESSIONS = 4
const DAY_MS = 86_400_000
/** How long the run waits, after the load, for the emails queued during it. */
const DRAIN_LIMIT_MS = 15 * 60_000

/** How often each kind of request is made, per 100: browsing dominates, as on the real site. */
const MIX = {
  'list sessions': 28,
  'session page': 20,
  book: 14,
  'find my bookings': 4,
  'manage page': 8,
  cancel: 4,
  move: 3,
  'check in': 7,
  'pre questionnaire': 5,
  'post questionnaire': 4,
  'LA summary': 1.5,
  'LA summary.csv': 0.75,
  'LA attendees.csv': 0.75,
} as const
type Action = keyof typeof MIX

/** The 4xx answers that are a right answer to a request of the kind (the rest count as unexpected). */
const EXPECTED_4XX: Partial<Record<string, readonly number[]>> = {
  // A session whose booking window closed, or (with the limits) whose waiting list is full.
  book: [409],
  // The booking had ended already (moved or cancelled meanwhile), or the target had no place.
  cancel: [409],
  move: [409],
  'move options': [409],
  // A mistyped code (one check-in in twenty types one), or a booking still waiting for a place.
  'check in': [400, 409],
  // Answered already, or not open to this booking (pre: waiting for a place).
  'answer questionnaire': [409],
}

interface Outcome {
  latencies: number[]
  statuses: Map<number, number>
}
const outcomes = new Map<string, Outcome>()
const unexpectedSamples: string[] = []

/** A request of a kind, timed and counted by status; a failed connection counts as status 0. */
async function timed(kind: string, url: string, init: RequestInit = {}): Promise<Response | undefined> {
  const outcome: Outcome = outcomes.get(kind) ?? { latencies: [], statuses: new Map() }
  outcomes.set(kind, outcome)
  const started = performance.now()
  let status = 0
  try {
    const response = await fetch(url, init)
    status = response.status
    const body = await response.text()
    outcome.latencies.push(performance.now() - started)
    if (isUnexpected(kind, status) && unexpectedSamples.length < 20) {
      unexpectedSamples.push(
        `${kind} ${init.method ?? 'GET'} ${new URL(url).pathname} → ${status} ${body.slice(0, 300)}`,
      )
    }
    return new Response(status === 204 ? null : body, { status, headers: response.headers })
  } catch (error) {
    outcome.latencies.push(performance.now() - started)
    if (unexpectedSamples.length < 20)
      unexpectedSamples.push(`${kind} ${new URL(url).pathname} → ${String(error)}`)
    return undefined
  } finally {
    outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1)
  }
}

function isUnexpected(kind: string, status: number): boolean {
  return (
    status === 0 ||
    status >= 500 ||
    (status >= 400 && status !== 429 && !EXPECTED_4XX[kind]?.includes(status))
  )
}

/** A booking the soak can manage: its id, the token from its emailed link, and its session. */
interface Held {
  id: string
  token: string
  sessionId: string
  preAnswered?: boolean
  checkedIn?: boolean
}

const dataDir = mkdtempSync(join(tmpdir(), 'ey-soak-'))
let stack: LocalStack | undefined
async function stopStack() {
  await stack?.stop()
  stack = undefined
  rmSync(dataDir, { recursive: true, force: true })
}
// Ctrl-C stops at once: the stack's DynamoDB Local goes with the first signal, so nothing could be
// checked after it. The stack is stopped and its data folder removed all the same.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the stack; no report`)
    void stopStack().finally(() => process.exit(130))
  })
}
// The `node` package's wrapper does not pass signals on: when whoever started us goes away (e.g.
// `timeout` stopping pnpm), we are re-parented, and stop at once, stack and all.
const parent = process.ppid
setInterval(() => {
  if (process.ppid !== parent) void stopStack().finally(() => process.exit(130))
}, 1000).unref()

console.log(
  `Soak: ${MINUTES} min, ${RATE} requests/s asked, at most ${CONCURRENCY} in flight, ${SESSIONS} upcoming sessions (Node ${process.version})`,
)
console.log(
  `  limits raised: ${Object.entries(RAISED_LIMITS)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ')} (RAISED_LIMITS in bench/soak.ts; per-email limits and caps as configured)`,
)

let failed = false
try {
  stack = await startLocalStack(withRaisedLimits({ dataDir, seed: false }))
  failed = await soak(stack)
} catch (error) {
  console.error(error)
  failed = true
} finally {
  await stopStack()
}
process.exit(failed ? 1 : 0)

async function soak(stack: LocalStack): Promise<boolean> {
  const api = `${stack.webUrl}/api`
  const config = await coreConfigFromEnv(stack.env)
  const clients = coreClients(config)
  const deps = wireCore(config, clients)
  const now = Date.now()

  // The programme: the demo catalogue and staff, upcoming online sessions of varied sizes (the
  // smaller fill and queue), and past sessions whose people attended and answer afterwards.
  for (const partner of PARTNERS) await deps.catalogue.putPartner(partner)
  for (const course of COURSES) await deps.catalogue.putCourse(course)
  for (const member of DEMO_STAFF) await deps.staffDirectory.add(member)
  const courseIds = COURSES.slice(0, 6).map((course) => course.id)
  const upcoming = Array.from({ length: SESSIONS }, (_, n) =>
    soakSession(
      `soak-${n}`,
      courseIds[n % courseIds.length] ?? 'slcn-core',
      now + (3 + ((n * 5) % 40)) * DAY_MS,
      [8, 12, 20, 30][n % 4] ?? 20,
      TRAINERS[n % TRAINERS.length] ?? 'trainer-amira',
    ),
  )
  const past = Array.from({ length: PAST_SESSIONS }, (_, n) =>
    soakSession(
      `soak-past-${n}`,
      courseIds[n % courseIds.length] ?? 'slcn-core',
      now - DAY_MS - 3 * 3_600_000,
      PAST_PEOPLE + 5,
      TRAINERS[n % TRAINERS.length] ?? 'trainer-amira',
    ),
  )
  await deps.sessions.createSessions([...upcoming, ...past])
  const attended: Held[] = []
  for (const session of past) {
    for (let p = 0; p < PAST_PEOPLE; p++) {
      const person = demoPerson(900_000 + attended.length, attended.length % 3 === 0 ? LA : undefined)
      const id = `${session.id}-b${p}`
      const at = new Date(now - 20 * DAY_MS).toISOString()
      await deps.bookings.placeBooking({
        booking: draftBooking(deps, { id, session, person, at }),
        idempotency: {
          key: `soak-${id}`,
          fingerprint: bookingFingerprint(deps.fingerprints, session.id, person),
        },
        outbox: {},
      })
      await deps.bookings.changeStatus({
        bookingId: id,
        from: 'confirmed',
        to: 'attended',
        by: 'soak',
        at: new Date(),
      })
      // As the invitation email's link carries it.
      attended.push({ id, token: deps.tokens.issue(id), sessionId: session.id })
    }
  }

  const tokens = new Map<string, string>()
  for (const username of [...TRAINERS, LA_OFFICER])
    tokens.set(username, await signInAs(stack.issuerUrl, username))
  const staffAuth = (username: string) => ({ authorization: `Bearer ${tokens.get(username)}` })

  // Each trainer shows a code for their session's first part, again every 5 minutes (a code lasts 15).
  const codes = new Map<string, string>()
  async function showCodes() {
    await Promise.all(
      upcoming.map(async (session) => {
        const trainer = session.trainerIds[0] ?? 'trainer-amira'
        const response = await timed(
          'trainer code',
          `${api}/trainer/sessions/${session.id}/parts/0/register/code`,
          {
            method: 'POST',
            headers: staffAuth(trainer),
          },
        )
        if (response?.ok) codes.set(session.id, ((await response.json()) as { code: string }).code)
      }),
    )
  }
  await showCodes()

  // The people's side: who booked which session, and the bookings whose emailed link has arrived.
  const held = new Map<string, Held>()
  const bookedSession = new Map<string, string>()
  const booked: { email: string; sessionId: string }[] = []
  let people = 0
  let emailsRead = 0
  const seenMessages = new Set<string>()
  let since = Math.floor(Date.now() / 1000) - 1
  async function readInbox() {
    const startedAt = Date.now()
    for (const email of await readSentEmails(stack.sesEndpoint ?? '', since)) {
      if (seenMessages.has(email.messageId)) continue
      seenMessages.add(email.messageId)
      emailsRead++
      const to = addressOf(email.destination.to[0] ?? '')
      const text = `${email.body.text ?? ''} ${email.body.html ?? ''}`
      for (const match of text.matchAll(/\/manage#(id=[^\s"<>]+)/g)) {
        const link = new URLSearchParams((match[1] ?? '').replaceAll('&amp;', '&'))
        const id = link.get('id')
        const token = link.get('token')
        const sessionId = bookedSession.get(to)
        if (id && token && sessionId && !held.has(id) && !ended.has(id))
          held.set(id, { id, token, sessionId })
      }
    }
    since = Math.floor(startedAt / 1000) - 1
  }
  const ended = new Set<string>()
  let noMoveOption = 0

  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)]
  const pickHeld = () => pick([...held.values()])
  const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) })
  const key = () => crypto.randomUUID()

  const actions: Record<Action, () => Promise<unknown>> = {
    'list sessions': () => {
      const filters = [
        '',
        `?course=${pick(courseIds)}`,
        '?format=online',
        `?la=${LA}`,
        '?available=true',
        '?twilight=true',
      ]
      return timed('list sessions', `${api}/sessions${pick(filters)}`)
    },
    'session page': async () => {
      const session = pick(upcoming)
      await timed('session page', `${api}/sessions/${session?.id}`)
    },
    book: async () => {
      const roll = Math.random()
      const again = pick(booked)
      let request: { email: string; sessionId: string; person: BookingRequest; key: string }
      if (again && roll < 0.03) {
        // The same person books the same session again: answered alike, emailed their link.
        const person = { ...demoPerson(0, LA), email: again.email }
        request = { ...again, person, key: key() }
      } else {
        const n = people++
        const person = demoPerson(n, n % 3 === 0 ? LA : undefined)
        const session = pick(upcoming) as Session
        request = { email: person.email, sessionId: session.id, person, key: key() }
        bookedSession.set(person.email, session.id)
        booked.push({ email: person.email, sessionId: session.id })
      }
      const { 'content-type': type, body } = json(request.person)
      const post = () =>
        timed('book', `${api}/sessions/${request.sessionId}/bookings`, {
          method: 'POST',
          headers: { 'content-type': type, 'idempotency-key': request.key },
          body,
        })
      await post()
      // One in fifty retries with the same key, as a client does after a lost answer.
      if (roll > 0.98) await post()
    },
    'find my bookings': async () => {
      const person = pick(booked)
      if (!person) return actions['list sessions']()
      const { 'content-type': type, body } = json({ email: person.email })
      await timed('find my bookings', `${api}/bookings/lookup`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      })
    },
    'manage page': async () => {
      const booking = pickHeld()
      if (!booking) return actions['session page']()
      await timed('manage page', `${api}/bookings/${booking.id}`, { headers: bearer(booking) })
    },
    cancel: async () => {
      const booking = pickHeld()
      if (!booking) return actions['session page']()
      held.delete(booking.id)
      ended.add(booking.id)
      await timed('cancel', `${api}/bookings/${booking.id}`, { method: 'DELETE', headers: bearer(booking) })
    },
    move: async () => {
      const booking = pickHeld()
      if (!booking) return actions['session page']()
      const options = await timed('move options', `${api}/bookings/${booking.id}/move-options`, {
        headers: bearer(booking),
      })
      if (!options?.ok) return
      const items = ((await options.json()) as { items: SessionView[] }).items
      const target = pick(items.filter((item) => item.placesLeft > 0)) ?? pick(items)
      if (!target) noMoveOption++
      if (!target || !held.has(booking.id)) return
      held.delete(booking.id)
      const { 'content-type': type, body } = json({ sessionId: target.id })
      const moved = await timed('move', `${api}/bookings/${booking.id}/move`, {
        method: 'POST',
        headers: { ...bearer(booking), 'content-type': type, 'idempotency-key': key() },
        body,
      })
      if (moved?.status === 201) {
        ended.add(booking.id)
        const created = (await moved.json()) as NewBookingView
        held.set(created.id, { id: created.id, token: created.manageToken, sessionId: created.sessionId })
      } else {
        held.set(booking.id, booking)
      }
    },
    'check in': async () => {
      // People check in once; a few open the page again and type the code twice.
      const booking = pick([...held.values()].filter((b) => !b.checkedIn)) ?? pickHeld()
      if (!booking) return actions['session page']()
      booking.checkedIn = true
      const right = codes.get(booking.sessionId) ?? '000000'
      const code = Math.random() < 0.05 ? String((Number(right) + 1) % 1_000_000).padStart(6, '0') : right
      const { 'content-type': type, body } = json({ code })
      await timed('check in', `${api}/bookings/${booking.id}/check-in`, {
        method: 'POST',
        headers: { ...bearer(booking), 'content-type': type },
        body,
      })
    },
    'pre questionnaire': async () => {
      const booking = pick([...held.values()].filter((b) => !b.preAnswered))
      if (!booking) return actions['session page']()
      booking.preAnswered = true
      await answer(booking, 'pre')
    },
    'post questionnaire': async () => {
      const booking = attended.pop()
      if (!booking) return actions['session page']()
      await answer(booking, 'post')
    },
    'LA summary': () => timed('LA summary', `${api}/la/${LA}/summary`, { headers: staffAuth(LA_OFFICER) }),
    'LA summary.csv': () =>
      timed('LA summary.csv', `${api}/la/${LA}/summary.csv`, { headers: staffAuth(LA_OFFICER) }),
    'LA attendees.csv': () =>
      timed('LA attendees.csv', `${api}/la/${LA}/attendees.csv`, { headers: staffAuth(LA_OFFICER) }),
  }

  async function answer(booking: Held, kind: 'pre' | 'post') {
    const questions = await timed('questionnaire', `${api}/bookings/${booking.id}/questionnaires/${kind}`, {
      headers: bearer(booking),
    })
    if (!questions?.ok) return
    const view = (await questions.json()) as QuestionnaireView
    const answers: Record<string, number | string | boolean> = {}
    for (const item of view.items) {
      if (item.type === 'rating') answers[item.id] = 4
      else if (item.type === 'yes-no') answers[item.id] = true
      else if (item.type === 'choice') answers[item.id] = item.options?.[0] ?? ''
      else if (item.required) answers[item.id] = 'The examples from real settings helped most'
    }
    const { 'content-type': type, body } = json({ answers })
    await timed('answer questionnaire', `${api}/bookings/${booking.id}/questionnaires/${kind}`, {
      method: 'PUT',
      headers: { ...bearer(booking), 'content-type': type },
      body,
    })
  }

  // The load: requests started at RATE a second (open loop), each of a kind drawn from MIX, never
  // more than CONCURRENCY in flight; a start that finds them all busy waits, and the run says so.
  const weights = Object.entries(MIX) as [Action, number][]
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0)
  const draw = (): Action => {
    let roll = Math.random() * total
    for (const [action, weight] of weights) {
      roll -= weight
      if (roll < 0) return action
    }
    return 'list sessions'
  }
  const durationMs = MINUTES * 60_000
  const started = performance.now()
  let startedCount = 0
  let inFlight = 0
  let lastCodes = started
  let lastReport = started
  let reportedCount = 0
  const running = new Set<Promise<unknown>>()
  const inbox = setInterval(() => void readInbox().catch(() => undefined), 500)
  console.error(`  … load running; a line every 10 s`)
  while (performance.now() - started < durationMs) {
    const elapsed = performance.now() - started
    while (startedCount < (elapsed / 1000) * RATE && inFlight < CONCURRENCY) {
      startedCount++
      inFlight++
      const task = actions[draw()]().finally(() => {
        inFlight--
        running.delete(task)
      })
      running.add(task)
    }
    if (elapsed - (lastCodes - started) > 5 * 60_000) {
      lastCodes = performance.now()
      running.add(showCodes())
    }
    if (performance.now() - lastReport >= 10_000) {
      const done = [...outcomes.values()].reduce((sum, o) => sum + o.latencies.length, 0)
      const window = (performance.now() - lastReport) / 1000
      const counts = errorCounts()
      console.error(
        `  … ${(elapsed / 1000).toFixed(0)} s: ${done} answered (${((done - reportedCount) / window).toFixed(1)}/s), ${inFlight} in flight, ${Math.max(0, Math.floor((elapsed / 1000) * RATE) - startedCount)} behind; 5xx ${counts.server}, 429 ${counts.limited}, unexpected 4xx ${counts.unexpected}; ${booked.length} booked, ${held.size} links held, ${emailsRead} emails read`,
      )
      lastReport = performance.now()
      reportedCount = done
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  const loadSeconds = (performance.now() - started) / 1000
  await Promise.allSettled([...running])
  clearInterval(inbox)

  // The report.
  const kinds = [...outcomes.entries()].sort(([a], [b]) => a.localeCompare(b))
  const answered = kinds.reduce((sum, [, o]) => sum + o.latencies.length, 0)
  const counts = errorCounts()
  console.log(
    `Load: ${startedCount} started in ${loadSeconds.toFixed(1)} s (${(startedCount / loadSeconds).toFixed(1)}/s asked ${RATE}/s); ${answered} requests answered: ${(answered / loadSeconds).toFixed(1)} requests/s`,
  )
  console.log(
    `  ${'kind'.padEnd(22)}${'count'.padStart(7)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  statuses`,
  )
  for (const [kind, outcome] of kinds) {
    const sorted = outcome.latencies.slice().sort((a, b) => a - b)
    const ms = (value: number) => `${value.toFixed(0)}ms`.padStart(9)
    const statuses = [...outcome.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s === 0 ? 'no answer' : s} ×${n}`)
    console.log(
      `  ${kind.padEnd(22)}${String(sorted.length).padStart(7)}${ms(percentile(sorted, 50))}${ms(percentile(sorted, 95))}${ms(percentile(sorted, 99))}${ms(sorted.at(-1) ?? Number.NaN)}  ${statuses.join(', ')}`,
    )
  }
  console.log(
    `  errors: 5xx (or no answer) ${counts.server}; 429 ${counts.limited}; 4xx expected ${counts.expected}, unexpected ${counts.unexpected}`,
  )
  for (const sample of unexpectedSamples) console.log(`    ${sample}`)
  console.log(`  moves not made: ${noMoveOption} bookings had no other date to move to (ended, or none open)`)

  // Drain: the stream's emails, then whatever the sweeper still owes (it runs every few seconds).
  const drainStarted = performance.now()
  await stack
    .drainMail(DRAIN_LIMIT_MS)
    .catch((error: unknown) => console.error(`  mail drain: ${String(error)}`))
  let items = await readAllItems(clients.doc, stack.tableName)
  // Emails queued faster than they went during the load are still owed: wait for them all, for as
  // long as the backlog keeps shrinking (at most DRAIN_LIMIT_MS).
  let lastDrainReport = performance.now()
  while (unsettled(items) > 0 && performance.now() - drainStarted < DRAIN_LIMIT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    items = await readAllItems(clients.doc, stack.tableName)
    if (performance.now() - lastDrainReport >= 30_000) {
      lastDrainReport = performance.now()
      console.error(`  … draining: ${unsettled(items)} emails still pending or being sent`)
    }
  }
  const emails = items.filter((item) => item.type === 'outbox')
  const skipped = Object.entries(
    Object.groupBy(
      emails.filter((item) => item.status === 'skipped'),
      (item) => String(item.skipReason),
    ),
  ).map(([reason, list]) => `${reason} ${list?.length}`)
  const byStatus = Object.entries(Object.groupBy(emails, (item) => String(item.status))).map(
    ([s, list]) => `${s} ${list?.length}`,
  )
  console.log(
    `Mail drained in ${((performance.now() - drainStarted) / 1000).toFixed(1)} s: ${emails.length} emails (${byStatus.join(', ')})`,
  )
  if (skipped.length > 0) console.log(`  skipped, by reason: ${skipped.join(', ')}`)
  const delays = emails
    .filter((item) => item.status === 'sent' && typeof item.sentAt === 'string')
    .map((item) => Date.parse(String(item.sentAt)) - Date.parse(String(item.createdAt)))
    .sort((a, b) => a - b)
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  console.log(
    `  queued → sent: p50 ${s(percentile(delays, 50))}, p95 ${s(percentile(delays, 95))}, max ${s(delays.at(-1) ?? Number.NaN)} (links read from the emulator during the load: ${held.size + ended.size} bookings)`,
  )
  const checks = checkInvariants(items)
  console.log(`Invariants, read straight from the table (${items.length} items):`)
  for (const line of describeChecks(checks)) console.log(line)
  const violations = checks.reduce((sum, check) => sum + check.violations.length, 0)
  const failed = violations > 0 || counts.server > 0
  console.log(
    failed
      ? `FAILED: ${violations} violations, ${counts.server} 5xx or unanswered`
      : 'PASSED: no violations, no 5xx',
  )
  return failed
}

function errorCounts() {
  let server = 0
  let limited = 0
  let expected = 0
  let unexpected = 0
  for (const [kind, outcome] of outcomes) {
    for (const [status, n] of outcome.statuses) {
      if (status === 0 || status >= 500) server += n
      else if (status === 429) limited += n
      else if (status >= 400 && isUnexpected(kind, status)) unexpected += n
      else if (status >= 400) expected += n
    }
  }
  return { server, limited, expected, unexpected }
}

function unsettled(items: readonly Record<string, unknown>[]): number {
  return items.filter(
    (item) => item.type === 'outbox' && (item.status === 'pending' || item.status === 'sending'),
  ).length
}

function bearer(booking: Held) {
  return { authorization: `Bearer ${booking.token}` }
}

/** The bare address of a To header entry (`Name <a@b>` or `a@b`), lower-cased. */
function addressOf(header: string): string {
  return (/<([^>]+)>/.exec(header)?.[1] ?? header).trim().toLowerCase()
}

/** A published online session of one 90-minute part at `startsAt`, run by `trainer`. */
function soakSession(
  id: string,
  courseId: string,
  startsAt: number,
  capacity: number,
  trainer: string,
): Session {
  const course = COURSES.find((c) => c.id === courseId)
  const at = new Date().toISOString()
  return {
    id,
    courseId,
    title: course?.title ?? 'Soak session',
    parts: [
      { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 5_400_000).toISOString() },
    ],
    format: 'online',
    capacity,
    heldCount: 0,
    waitingCount: 0,
    bespokeLaCodes: [],
    trainerIds: [trainer],
    status: 'published',
    createdAt: at,
    updatedAt: at,
  }
}
