// `pnpm bench:booking`: a burst of concurrent bookings for one session, over HTTP at the local
// API and, in the same run, the same booking transactions straight to DynamoDB Local.

import { parseArgs } from 'node:util'
import type { BookingReceived, BookingRequest, Problem } from '@ey/contract'
import { bookSession } from '@ey/domain'
import { startLocalStack } from '@ey/local-stack'
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

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    requests: { type: 'string', default: '1000' },
    places: { type: 'string', default: '30' },
    concurrency: { type: 'string', default: '50' },
  },
})
const REQUESTS = Number(values.requests)
const PLACES = Number(values.places)
const CONCURRENCY = Number(values.concurrency)

announceRaisedLimits()
const stack = await startLocalStack({ mail: false, seed: false, limits: BENCH_LIMITS })
try {
  // Wired as the functions are, from the stack's environment: the direct runs use the same adapters.
  const config = await coreConfigFromEnv(stack.env)
  const deps = wireCore(config, coreClients(config))
  await deps.sessions.createSessions(
    ['warm-up', 'warm-up-raw', 'bench-http', 'bench-raw-1', 'bench-raw-2'].map((id) =>
      benchSession(id, PLACES),
    ),
  )

  const post = (sessionId: string, key: string, body: BookingRequest) =>
    fetch(`${stack.webUrl}/api/sessions/${sessionId}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as BookingReceived | Problem,
    }))

  const direct = (sessionId: string) => (n: number) =>
    bookSession(deps, { sessionId, idempotencyKey: `${sessionId}-${n}`, person: benchPerson(sessionId, n) })

  // Warm up the JIT (ours and DynamoDB Local's) and the connection pools on other sessions.
  await burst(100, CONCURRENCY, (n) => post('warm-up', `warm-${n}`, benchPerson('warm', n)))
  await burst(100, CONCURRENCY, direct('warm-up-raw'))

  // Raw, HTTP, raw: the engine keeps warming as it runs, so the API is compared with the mean of
  // the direct runs either side of it rather than with one that had a head start.
  const raw1 = await burst(REQUESTS, CONCURRENCY, direct('bench-raw-1'))
  const http = await burst(REQUESTS, CONCURRENCY, (n) =>
    post('bench-http', `http-key-${n}`, benchPerson('http', n)),
  )
  const raw2 = await burst(REQUESTS, CONCURRENCY, direct('bench-raw-2'))

  const statuses = http.results.map((r) => r.value?.status ?? 0)
  // The answer (202) says nothing of the outcome, so that it never tells who had booked: the
  // session's own counts do.
  const received = http.results.filter((r) => r.value?.status === 202).length
  const errors = http.results.filter((r) => r.error || (r.value?.status ?? 0) >= 400).length
  const serverErrors = statuses.filter((s) => s >= 500 || s === 0).length
  const session = await deps.bookings.getSession('bench-http')
  const oversell = Math.max(0, (session?.heldCount ?? 0) - PLACES)
  const latencies = http.results.map((r) => r.ms).sort((a, b) => a - b)
  const rawErrors = [...raw1.results, ...raw2.results].filter((r) => r.error).length
  const httpRps = REQUESTS / http.seconds
  const rawRps = (REQUESTS / raw1.seconds + REQUESTS / raw2.seconds) / 2

  console.log(`Booking burst: ${REQUESTS} requests, ${PLACES} places, ${CONCURRENCY} concurrent clients`)
  console.log(`  over HTTP (local API on Node ${process.version}):`)
  console.log(`    received (202) ${received}, errors ${errors} (5xx ${serverErrors}), oversell ${oversell}`)
  console.log(`    stored: ${session?.heldCount} places held, ${session?.waitingCount} waiting`)
  console.log(
    `    latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  )
  console.log(`    throughput ${httpRps.toFixed(0)} requests/s`)
  console.log(`  straight to DynamoDB Local (same use case and transactions, no HTTP):`)
  console.log(
    `    throughput ${rawRps.toFixed(0)} bookings/s (mean of runs before and after: ${(REQUESTS / raw1.seconds).toFixed(0)}, ${(REQUESTS / raw2.seconds).toFixed(0)}), errors ${rawErrors}`,
  )
  console.log(`  ratio API/raw ${(httpRps / rawRps).toFixed(2)}`)
  const failed = oversell > 0 || serverErrors > 0
  if (failed) console.log('FAILED: oversell or 5xx seen')
  process.exitCode = failed ? 1 : 0
} finally {
  await stack.stop()
}
