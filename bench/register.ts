// `pnpm bench:register`: one online part with thousands of attendees on the local stack's table.
// Bookings are written straight to the table (BatchWrite; booking is not what is measured), then
// every attendee is marked present through the register's write path in batches of 100, several
// trainers' devices at a time, a room checks in with the code at once, and the register is read back.

import { parseArgs } from 'node:util'
import {
  applyRegisterChanges,
  changeScope,
  checkInWithCode,
  openRegister,
  type RegisterChange,
  showAttendanceCode,
  snapshotOf,
  updateRegisterPart,
} from '@ey/domain'
import { bookingItem } from '@ey/dynamodb'
import { BatchWriteCommand, type BatchWriteCommandOutput, QueryCommand } from '@ey/dynamodb/client'
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
    attendees: { type: 'string', default: '5000' },
    batch: { type: 'string', default: '100' },
    devices: { type: 'string', default: '5' },
    'check-ins': { type: 'string', default: '200' },
  },
})
const ATTENDEES = Number(values.attendees)
const BATCH = Number(values.batch)
const DEVICES = Number(values.devices)
const CHECK_INS = Math.min(Number(values['check-ins']), ATTENDEES)

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)

announceRaisedLimits()
const stack = await startLocalStack({ mail: false, seed: false, limits: BENCH_LIMITS })
try {
  const config = await coreConfigFromEnv(stack.env)
  const clients = coreClients(config)
  const deps = wireCore(config, clients)
  const table = { doc: clients.doc, tableName: config.tableName }
  const session = { ...benchSession('bench-register', ATTENDEES), trainerIds: ['bench-trainer'] }
  // The part runs now: its register takes marks and its code works.
  const start = new Date(Date.now() - 30 * 60_000)
  session.parts = [
    { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 5_400_000).toISOString() },
  ]
  await deps.sessions.createSessions([session])
  const trainer = { sub: 'bench-trainer', roles: ['trainer' as const], name: 'Bench Trainer', laCodes: [] }

  let t0 = performance.now()
  const people = Array.from({ length: ATTENDEES }, (_, n) => {
    const id = `bk_bench_${String(n).padStart(5, '0')}`
    const person = benchPerson('register', n)
    const token = deps.tokens.issue(id)
    const at = new Date().toISOString()
    const booking = {
      id,
      reference: `${String(n % 10_000).padStart(4, '0')}-BNCH`,
      sessionId: session.id,
      status: 'confirmed' as const,
      person,
      emailKey: person.email,
      manageTokenHash: deps.tokens.hash(token),
      session: snapshotOf(session),
      createdAt: at,
      updatedAt: at,
      history: [{ at, from: null, to: 'confirmed' as const, by: 'participant' }],
    }
    return { booking, token }
  })
  for (let i = 0; i < people.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = people
      .slice(i, i + 25)
      .map(({ booking }) => ({ PutRequest: { Item: bookingItem.to(booking) } }))
    while (pending && pending.length > 0) {
      const answer: BatchWriteCommandOutput = await clients.doc.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: pending } }),
      )
      pending = answer.UnprocessedItems?.[table.tableName]
    }
  }
  console.log(`Seeded ${ATTENDEES} confirmed bookings (BatchWrite) in ${seconds(t0)} s`)

  // A room checking in with the code at once, before the trainer marks anyone.
  const { code } = await showAttendanceCode(deps, trainer, session.id, 0)
  const checkIns = await burst(CHECK_INS, CHECK_INS, (n) => {
    const { booking, token } = people[n] as (typeof people)[number]
    return checkInWithCode(deps, booking.id, token, code)
  })
  const checkInMs = checkIns.results.map((r) => r.ms).sort((a, b) => a - b)
  const failedCheckIns = checkIns.results.filter((r) => r.error).length
  console.log(
    `${CHECK_INS} check-ins at once: ${checkIns.seconds.toFixed(1)} s, p50 ${percentile(checkInMs, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(checkInMs, 99).toFixed(0)} ms, failed ${failedCheckIns}`,
  )

  t0 = performance.now()
  const bookingIds = new Set(people.map(({ booking }) => booking.id))
  const batches = Math.ceil(ATTENDEES / BATCH)
  const marking = await burst(batches, DEVICES, async (n) => {
    const changes = people.slice(n * BATCH, (n + 1) * BATCH).map(
      ({ booking }): RegisterChange => ({
        kind: 'mark',
        key: `mark-${booking.id}`,
        subject: booking.id,
        mark: 'present',
      }),
    )
    await updateRegisterPart(deps, session.id, 0, changeScope(changes, bookingIds), (current) => {
      const at = new Date()
      return applyRegisterChanges(current, changes, { by: trainer.sub, at, bookingIds }).register
    })
  })
  const batchMs = marking.results.map((r) => r.ms).sort((a, b) => a - b)
  const failedBatches = marking.results.filter((r) => r.error).length
  console.log(
    `Marked ${ATTENDEES} present in ${batches} batches of ${BATCH}, ${DEVICES} devices at a time: ${seconds(t0)} s ` +
      `(${(ATTENDEES / marking.seconds).toFixed(0)} marks/s; a batch p50 ${percentile(batchMs, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(batchMs, 99).toFixed(0)} ms), failed batches ${failedBatches}`,
  )

  t0 = performance.now()
  const sheet = await openRegister(deps, trainer, session.id, 0)
  const present = Object.values(sheet.register.entries).filter((entry) => entry.mark === 'present').length
  console.log(
    `Read the register back (${sheet.booked.length} booked, ${present} present, ${sheet.register.audit.length} ` +
      `audit entries) in ${seconds(t0)} s`,
  )

  const sizes: number[] = []
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await clients.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `SESSION#${session.id}`, ':prefix': 'REGISTER#' },
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of page.Items ?? []) sizes.push(JSON.stringify(item).length)
    startKey = page.LastEvaluatedKey
  } while (startKey)
  const total = sizes.reduce((a, b) => a + b, 0)
  console.log(
    `Register items: ${sizes.length}, largest ${Math.max(...sizes)} bytes (as JSON), all together ` +
      `${(total / 1024).toFixed(0)} KB: as one item it would be ${(total / (400 * 1024)).toFixed(1)}× the 400 KB limit`,
  )
  if (failedCheckIns > 0 || failedBatches > 0 || present !== ATTENDEES) process.exitCode = 1
} finally {
  await stack.stop()
}
