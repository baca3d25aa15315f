// `pnpm bench:reports`: one LA's dashboard and attendee download, timed at two sizes of England.
// Synthetic bookings over the 153 LAs go through the booking repository's own transactions and the
// table's stream (as production writes them), with attendance and answers; then the LA's figures
// are asked for over HTTP as its officer asks. The LA timed keeps the same bookings at both sizes:
// England grows around it, so the ratio shows whether its cost follows England or the LA.

import { parseArgs } from 'node:util'
import {
  type Booking,
  bookingFingerprint,
  currentTemplate,
  draftBooking,
  type QuestionnaireKind,
  type QuestionnaireTemplate,
  type Session,
} from '@ey/domain'
import { demoAnswers, demoPerson, demoRatings, mulberry32, signInAs, startLocalStack } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import {
  announceRaisedLimits,
  BENCH_LIMITS,
  benchArgs,
  burst,
  pastBenchSession,
  percentile,
  weightedLaCodes,
} from './support.ts'

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    sizes: { type: 'string', default: '20000,200000' },
    la: { type: 'string', default: 'E08000035' },
    'download-rows': { type: 'string', default: '50000' },
    concurrency: { type: 'string', default: '32' },
    runs: { type: 'string', default: '20' },
    // DynamoDB Local's Java flags: `long` (the optimising compiler, for a run of many minutes) or
    // `short` (as the tests start it).
    jvm: { type: 'string', default: 'long' },
  },
})
const SIZES = values.sizes.split(',').map(Number)
const LA = values.la
const DOWNLOAD_ROWS = Number(values['download-rows'])
const CONCURRENCY = Number(values.concurrency)
const RUNS = Number(values.runs)
// The LA whose officer downloads the large attendee list: not the one timed.
const BIG_LA = LA === 'E10000016' ? 'E10000014' : 'E10000016'
const PER_SESSION = 25
const PERIOD = { from: '2025-09-01', to: '2026-08-31' }
const COURSE_IDS = [
  'slcn-core',
  'transition-to-school',
  'working-with-parents',
  'autism-awareness',
  'whole-setting-send',
]

const weighted = weightedLaCodes()
const laShare = weighted.filter((code) => code === LA).length / weighted.length
const others = weighted.filter((code) => code !== LA && code !== BIG_LA)

announceRaisedLimits()
if (values.jvm !== 'long' && values.jvm !== 'short') throw new Error('--jvm is long or short')
const stack = await startLocalStack({
  mail: false,
  jobs: false,
  seed: true,
  limits: BENCH_LIMITS,
  longRun: values.jvm === 'long',
})
try {
  const config = await coreConfigFromEnv(stack.env)
  const deps = wireCore(config, coreClients(config))
  const courses = (await deps.catalogue.listCourses()).filter((c) => COURSE_IDS.includes(c.id))
  const templates = new Map<string, Promise<QuestionnaireTemplate>>()
  const templateOf = (courseId: string, kind: QuestionnaireKind) => {
    const key = `${courseId}#${kind}`
    const found = templates.get(key) ?? currentTemplate(deps.questionnaires, courseId, kind)
    templates.set(key, found)
    return found
  }

  let sessionCount = 0
  let personCount = 0
  /** Books `count` people from the LAs `laOf` picks onto new past sessions, with what happened. */
  async function load(label: string, count: number, laOf: (n: number) => string, consenting = false) {
    const sessions = Math.ceil(count / PER_SESSION)
    const started = performance.now()
    let done = 0
    let reported = 0
    await burst(sessions, CONCURRENCY, async (s) => {
      const session = pastBenchSession(sessionCount + s, courses[s % courses.length]?.id ?? 'slcn-core')
      await deps.sessions.createSessions([session])
      const people = Math.min(PER_SESSION, count - s * PER_SESSION)
      for (let p = 0; p < people; p++) {
        const n = personCount + s * PER_SESSION + p
        await bookOne(session, n, laOf(n), consenting)
        done++
      }
      if (done - reported >= count / 20 || done === count) {
        reported = done
        const rate = done / ((performance.now() - started) / 1000)
        process.stderr.write(
          `  ${label}: ${done.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')} bookings (${rate.toFixed(0)}/s)\n`,
        )
      }
    })
    sessionCount += sessions
    personCount += count
    return (performance.now() - started) / 1000
  }

  async function bookOne(session: Session, n: number, laCode: string, consenting: boolean) {
    const draw = mulberry32(n + 1)
    const person = { ...demoPerson(n, laCode), ...(consenting ? { shareWithLa: true } : {}) }
    const id = `${session.id}-b${n}`
    const at = new Date(new Date(session.parts[0]?.startsAt ?? 0).getTime() - 14 * 86_400_000)
    const { booking } = await deps.bookings.placeBooking({
      booking: draftBooking(deps, { id, session, person, at: at.toISOString() }),
      idempotency: {
        key: `bench-${id}`,
        fingerprint: bookingFingerprint(deps.fingerprints, session.id, person),
      },
      outbox: {},
    })
    const roll = draw()
    const to = roll < 0.8 ? 'attended' : roll < 0.92 ? 'no-show' : 'late-cancelled'
    const ended = new Date(session.parts.at(-1)?.endsAt ?? 0)
    const now = await deps.bookings.changeStatus({
      bookingId: booking.id,
      from: 'confirmed',
      to,
      by: 'bench',
      at: ended,
    })
    const ratings = demoRatings(draw)
    if (draw() < 0.6) await respond(session, now, 'pre', ratings, draw)
    if (now.status === 'attended' && draw() < 0.5) await respond(session, now, 'post', ratings, draw)
  }

  async function respond(
    session: Session,
    booking: Booking,
    kind: QuestionnaireKind,
    ratings: ReturnType<typeof demoRatings>,
    draw: () => number,
  ) {
    const template = await templateOf(session.courseId, kind)
    await deps.questionnaires.saveResponse({
      bookingId: booking.id,
      kind,
      templateId: template.id,
      version: template.version,
      sessionId: session.id,
      courseId: session.courseId,
      laCode: booking.person.laCode,
      sessionStartsAt: session.parts[0]?.startsAt ?? '',
      answers: demoAnswers(template, ratings, kind !== 'pre', draw),
      submittedAt: new Date(session.parts[0]?.startsAt ?? 0).toISOString(),
    })
  }

  const token = await signInAs(stack.issuerUrl, 'admin')
  const get = async (path: string) => {
    const t0 = performance.now()
    const response = await fetch(`${stack.webUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
    const body = await response.text()
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`)
    return { ms: performance.now() - t0, bytes: body.length, body }
  }
  const query = `from=${PERIOD.from}&to=${PERIOD.to}`
  /** The median and p95 of `RUNS` requests after two to warm up, in ms. */
  async function time(path: string) {
    await get(path)
    await get(path)
    const ms: number[] = []
    let rows = 0
    for (let i = 0; i < RUNS; i++) {
      const { ms: one, body } = await get(path)
      ms.push(one)
      rows = body.split('\n').filter(Boolean).length - 1
    }
    ms.sort((a, b) => a - b)
    return { median: percentile(ms, 50), p95: percentile(ms, 95), rows }
  }

  console.log(
    `Reports benchmark: LA ${LA} timed at England sizes ${SIZES.map((s) => s.toLocaleString('en-GB')).join(' and ')} bookings; DynamoDB Local with --jvm ${values.jvm}`,
  )
  const measured: {
    size: number
    dashboard: Awaited<ReturnType<typeof time>>
    attendees: Awaited<ReturnType<typeof time>>
  }[] = []
  // The timed LA's own bookings are written once, at the first size, and never again.
  const laBookings = Math.round((SIZES[0] ?? 0) * laShare)
  let loaded = 0
  for (const size of SIZES) {
    const mine = measured.length === 0 ? laBookings : 0
    const seconds = await load(`England to ${size.toLocaleString('en-GB')}`, size - loaded, (n) =>
      n - personCount < mine ? LA : (others[(n * 7919) % others.length] ?? LA),
    )
    loaded = size
    const waited = performance.now()
    await stack.drainTakeUp(3_600_000)
    console.log(
      `  loaded ${size.toLocaleString('en-GB')} bookings (${sessionCount.toLocaleString('en-GB')} sessions) in ${seconds.toFixed(0)} s; aggregates caught up ${((performance.now() - waited) / 1000).toFixed(1)} s later`,
    )
    const dashboard = await time(`/api/la/${LA}/summary?${query}`)
    const attendees = await time(`/api/la/${LA}/attendees.csv?${query}`)
    measured.push({ size, dashboard, attendees })
    console.log(
      `  England ${size.toLocaleString('en-GB')}: ${LA} (${laBookings.toLocaleString('en-GB')} bookings) dashboard median ${dashboard.median.toFixed(1)} ms (p95 ${dashboard.p95.toFixed(1)}), attendees.csv median ${attendees.median.toFixed(1)} ms (p95 ${attendees.p95.toFixed(1)}, ${attendees.rows} rows), ${RUNS} runs each`,
    )
  }
  const [small, large] = [measured[0], measured.at(-1)]
  if (small && large && small !== large) {
    console.log(
      `  ratio ${large.size.toLocaleString('en-GB')} / ${small.size.toLocaleString('en-GB')}: dashboard ${(large.dashboard.median / small.dashboard.median).toFixed(2)}, attendees.csv ${(large.attendees.median / small.attendees.median).toFixed(2)} (goal: at most 1.5)`,
    )
  }

  if (DOWNLOAD_ROWS > 0) {
    await load(
      `${BIG_LA} to ${DOWNLOAD_ROWS.toLocaleString('en-GB')} consenting`,
      DOWNLOAD_ROWS,
      () => BIG_LA,
      true,
    )
    // Measured alone: the stats function applying those bookings in this process would count too.
    const waited = performance.now()
    await stack.drainTakeUp(3_600_000)
    console.log(`  aggregates caught up ${((performance.now() - waited) / 1000).toFixed(1)} s after loading`)
    global.gc?.()
    const before = process.memoryUsage()
    let peakRss = before.rss
    let peakHeap = before.heapUsed
    const sampler = setInterval(() => {
      const now = process.memoryUsage()
      peakRss = Math.max(peakRss, now.rss)
      peakHeap = Math.max(peakHeap, now.heapUsed)
    }, 5)
    const t0 = performance.now()
    const response = await fetch(`${stack.webUrl}/api/la/${BIG_LA}/attendees.csv?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    let bytes = 0
    let lines = 0
    // Read as a browser saves a file: chunk by chunk, nothing kept.
    for await (const chunk of response.body ?? []) {
      bytes += chunk.length
      for (const byte of chunk) if (byte === 10) lines++
    }
    clearInterval(sampler)
    const mb = (n: number) => (n / 1024 / 1024).toFixed(0)
    console.log(
      `  ${BIG_LA} attendees.csv: ${(lines - 1).toLocaleString('en-GB')} rows, ${mb(bytes)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s; this process (API, stream pollers and this client): peak RSS ${mb(peakRss)} MB (${mb(before.rss)} MB before), peak heap ${mb(peakHeap)} MB (${mb(before.heapUsed)} MB before) (goal: under 150 MB)`,
    )
  }
} finally {
  await stack.stop()
}
