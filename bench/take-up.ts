// `pnpm bench:take-up`: how fast the stats function brings the take-up aggregates in line with a
// stream of booking changes, by how it shares a batch out (bookings applied together × groups at
// once). Each configuration gets a table of its own holding the same bookings, and the handler is
// given the records the stream would give it: two per booking (booked, then what happened), 100 a
// batch as the event source mapping sends them, one batch after another as a shard is read.

import { parseArgs } from 'node:util'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { type Booking, BookingSchema, type BookingStatus, snapshotOf } from '@ey/domain'
import { bookingItem, createDynamoTakeUpStats, ensureTable, keys } from '@ey/dynamodb'
import { BatchWriteCommand, DocumentClient } from '@ey/dynamodb/client'
import {
  type DynamoDBRecord,
  demoPerson,
  LOCAL_CREDENTIALS,
  mulberry32,
  startDynamoDbLocal,
} from '@ey/local-stack'
import { localAuthorities } from '@ey/reference-data'
import { createStatsHandler, STATS_CONCURRENCY, STATS_GROUP_SIZE, wireStats } from '@ey/stats-function'
import { benchArgs, burst, pastBenchSession, weightedLaCodes } from './support.ts'

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    bookings: { type: 'string', default: '5000' },
    // `<bookings applied together>x<groups at once>`: the first is the baseline of the ratios.
    configs: { type: 'string', default: `1x8,${STATS_GROUP_SIZE}x${STATS_CONCURRENCY},50x1,25x4` },
    jvm: { type: 'string', default: 'long' },
  },
})
const BOOKINGS = Number(values.bookings)
const CONFIGS = values.configs.split(',').map((config) => {
  const [groupSize, concurrency] = config.split('x').map(Number)
  if (!groupSize || !concurrency) throw new Error(`--configs: "${config}" is not <group size>x<concurrency>`)
  return { groupSize, concurrency }
})
if (values.jvm !== 'long' && values.jvm !== 'short') throw new Error('--jvm is long or short')
const PER_SESSION = 25
const PERIOD = { from: '2025-09-01', to: '2026-08-31' }
const COURSES = ['slcn-core', 'transition-to-school', 'working-with-parents', 'autism-awareness']

const bookings = benchBookings(BOOKINGS)
const events = streamEvents(bookings)
console.log(
  `Take-up aggregates benchmark: ${BOOKINGS.toLocaleString('en-GB')} bookings (${Math.ceil(BOOKINGS / PER_SESSION)} sessions over the 153 LAs), ${2 * BOOKINGS} stream records in batches of 100; a fresh DynamoDB Local with --jvm ${values.jvm} for each configuration`,
)
const results: { label: string; seconds: number; failures: number; figures: string }[] = []
for (const config of CONFIGS) results.push(await measure(config))
const [base] = results
for (const result of results.slice(1)) {
  if (!base) break
  console.log(
    `  ${result.label} against ${base.label}: ${(base.seconds / result.seconds).toFixed(2)} times as fast; same figures: ${result.figures === base.figures ? 'yes' : 'NO'}`,
  )
}
if (results.some((result) => result.figures !== base?.figures || result.failures > 0)) process.exitCode = 1

/** The bookings written to a new engine's table, then every batch handed to the handler in turn. */
async function measure(config: { groupSize: number; concurrency: number }) {
  // Each its own engine: one engine's later tables were measured slower than its first.
  const dynamo = await startDynamoDbLocal({ longRun: values.jvm === 'long' })
  try {
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'eu-west-2',
      credentials: LOCAL_CREDENTIALS,
    })
    const doc = new DocumentClient({
      endpoint: dynamo.endpoint,
      region: 'eu-west-2',
      credentials: LOCAL_CREDENTIALS,
    })
    const tableName = 'take-up'
    await ensureTable(client, tableName)
    await burst(Math.ceil(bookings.length / 25), 4, async (n) => {
      const items = bookings.slice(n * 25, n * 25 + 25).map((booking) => bookingItem.to(booking))
      await doc.send(
        new BatchWriteCommand({
          RequestItems: { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) },
        }),
      )
    })
    const handle = createStatsHandler(wireStats({ tableName }, { doc }), config)
    const label = `${config.groupSize} together × ${config.concurrency} at once`
    const started = performance.now()
    let failures = 0
    for (const [n, event] of events.entries()) {
      failures += (await handle(event)).batchItemFailures.length
      if ((n + 1) % Math.ceil(events.length / 5) === 0) {
        process.stderr.write(`  ${label}: ${n + 1} of ${events.length} batches\n`)
      }
    }
    const seconds = (performance.now() - started) / 1000
    const stats = createDynamoTakeUpStats({ doc, tableName }, localAuthorities)
    const counts = await stats.counts(PERIOD)
    const reach = await stats.reach(2025)
    const figures = JSON.stringify({ england: counts.england, reach: reach.england })
    console.log(
      `  ${label}: ${seconds.toFixed(1)} s, ${(BOOKINGS / seconds).toFixed(0)} bookings/s, ${failures} records failed; England ${figures}`,
    )
    return { label, seconds, failures, figures }
  } finally {
    await dynamo.stop()
  }
}

/** `count` bookings of past sessions, 25 a session, over the LAs by size, each with what happened. */
function benchBookings(count: number): Booking[] {
  const las = weightedLaCodes()
  return Array.from({ length: count }, (_, n) => {
    const session = pastBenchSession(Math.floor(n / PER_SESSION), COURSES[n % COURSES.length] ?? 'slcn-core')
    const roll = mulberry32(n + 1)()
    const status: BookingStatus = roll < 0.8 ? 'attended' : roll < 0.92 ? 'no-show' : 'late-cancelled'
    const at = session.createdAt
    const person = demoPerson(n, las[(n * 7919) % las.length])
    return BookingSchema.parse({
      id: `take-up-${n}`,
      reference: `TU${String(n).padStart(6, '0').slice(0, 2)}-${String(n).padStart(6, '0').slice(2)}`,
      sessionId: session.id,
      status,
      person,
      emailKey: person.email,
      manageTokenHash: `hash-${n}`,
      session: snapshotOf(session),
      createdAt: at,
      updatedAt: at,
      history: [{ at, from: null, to: 'confirmed', by: 'participant' }],
    })
  })
}

/** The records a shard would hold: each booking's insert, then its change, a session at a time. */
function streamEvents(bookings: Booking[]): { Records: DynamoDBRecord[] }[] {
  const records: DynamoDBRecord[] = []
  let sequence = 0
  const record = (booking: Booking, eventName: 'INSERT' | 'MODIFY'): DynamoDBRecord => {
    const key = keys.booking(booking.id)
    return {
      eventName,
      dynamodb: { Keys: { pk: { S: key.pk }, sk: { S: key.sk } }, SequenceNumber: String(++sequence) },
    }
  }
  for (let i = 0; i < bookings.length; i += PER_SESSION) {
    const session = bookings.slice(i, i + PER_SESSION)
    for (const booking of session) records.push(record(booking, 'INSERT'))
    for (const booking of session) records.push(record(booking, 'MODIFY'))
  }
  return Array.from({ length: Math.ceil(records.length / 100) }, (_, n) => ({
    Records: records.slice(n * 100, n * 100 + 100),
  }))
}
