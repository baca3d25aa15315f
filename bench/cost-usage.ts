// `pnpm bench:cost-usage`: what the table bills for the product's own steps, measured on the local
// stack. Every DynamoDB request of the process (the API, the mail and take-up handlers on the
// stream, the jobs) asks DynamoDB Local for its consumed capacity, indexes included, and this
// prints the write and read units of each step: one booking with its emails and take-up, a page
// of sessions, a session's page, the manage page, each job's run with nothing due, and the jobs'
// runs over a booking's life. DynamoDB Local computes the units as DynamoDB documents them; it is
// a proxy for the bill, not the bill. The cost section of the README uses these figures.

import { parseArgs } from 'node:util'
import { normaliseEmail } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { DocumentClient, GetCommand } from '@ey/dynamodb/client'
import { readSentEmails, startLocalStack } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import { announceRaisedLimits, BENCH_LIMITS, benchArgs, benchPerson, benchSession } from './support.ts'

const { values } = parseArgs({ args: benchArgs(), options: { bookings: { type: 'string', default: '20' } } })
const BOOKINGS = Number(values.bookings)

interface Units {
  write: number
  read: number
  requests: number
}
const units: Units = { write: 0, read: 0, requests: 0 }

type Capacity = {
  CapacityUnits?: number
  WriteCapacityUnits?: number
  ReadCapacityUnits?: number
  Table?: { CapacityUnits?: number }
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>
}
const WRITES = /^(Put|Update|Delete|TransactWrite|BatchWrite)/
const TABLE_COMMANDS = /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)/

// Every client of the process is a smithy client: its `send` is where each request starts.
const clientPrototype = DocumentClient.prototype as unknown as {
  send: (
    command: { input: Record<string, unknown>; constructor: { name: string } },
    ...rest: unknown[]
  ) => Promise<unknown>
}
const send = clientPrototype.send
clientPrototype.send = async function (this: unknown, command, ...rest) {
  const name = command.constructor.name.replace(/Command$/, '')
  const counted = this instanceof DocumentClient && TABLE_COMMANDS.test(name)
  if (counted) command.input.ReturnConsumedCapacity = 'INDEXES'
  const output = (await send.call(this, command, ...rest)) as { ConsumedCapacity?: Capacity | Capacity[] }
  if (counted) {
    units.requests += 1
    const consumed = [output.ConsumedCapacity ?? []].flat()
    const total = consumed.reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0)
    if (WRITES.test(name)) units.write += total
    else units.read += total
  }
  return output
}

/** The units `step` consumed, waiting for the stream's handlers when `drain` is given. */
async function measure(step: () => Promise<unknown>, drain?: () => Promise<void>): Promise<Units> {
  await drain?.()
  const before = { ...units }
  await step()
  await drain?.()
  return {
    write: units.write - before.write,
    read: units.read - before.read,
    requests: units.requests - before.requests,
  }
}

const per = (measured: Units, count: number) =>
  `${(measured.write / count).toFixed(1)} write units, ${(measured.read / count).toFixed(1)} read units, ${(measured.requests / count).toFixed(1)} requests`

announceRaisedLimits()
const stack = await startLocalStack({ seed: false, limits: BENCH_LIMITS, jobTickMs: 24 * 3_600_000 })
try {
  const config = await coreConfigFromEnv(stack.env)
  const clients = coreClients(config)
  const deps = wireCore(config, clients)
  const drain = async () => {
    await stack.drainMail()
    await stack.drainTakeUp()
  }
  const session = benchSession('cost', BOOKINGS + 10)
  await deps.sessions.createSessions([session])
  const jobs = stack.jobs
  if (!jobs) throw new Error('The stack started without its jobs')
  const runAll = async (at: Date, names: string[]) => {
    for (const name of names) await jobs.run(name, at)
  }
  const everyFiveMinutes = ['expire-offers', 'reminders', 'questionnaire-invitations', 'sweep-outbox']
  const daily = ['trainer-digest', 'retention']
  // The jobs have caught up at start-up, and the session just published has had its first look;
  // each job now finds nothing due.
  await jobs.run('questionnaire-invitations', new Date())
  await drain()
  const idle: Record<string, Units> = {}
  for (const name of [...everyFiveMinutes, ...daily])
    idle[name] = await measure(() => jobs.run(name, new Date()))

  // The invitations job looks at a session once it is published (then at its pre reminder, at its
  // end…): ten more sessions with no bookings yet, looked at once.
  await deps.sessions.createSessions(
    Array.from({ length: 10 }, (_, n) => benchSession(`cost-empty-${n}`, 30)),
  )
  const emptyLooks = await measure(() => jobs.run('questionnaire-invitations', new Date()))

  const listing = await measure(() =>
    fetch(`${stack.webUrl}/api/sessions?limit=20`).then((r) => r.arrayBuffer()),
  )
  const sessionPage = await measure(() =>
    fetch(`${stack.webUrl}/api/sessions/cost`).then((r) => r.arrayBuffer()),
  )

  const booked = await measure(async () => {
    for (let n = 0; n < BOOKINGS; n += 1) {
      const res = await fetch(`${stack.webUrl}/api/sessions/cost/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `cost-booking-${n}` },
        body: JSON.stringify(benchPerson('cost', n)),
      })
      if (res.status !== 202) throw new Error(`Booking answered ${res.status}: ${await res.text()}`)
    }
  }, drain)

  // The manage page, as the emailed link opens it.
  const first = await deps.bookings.getSession('cost')
  const lock = await stackItem(keys.sessionPerson('cost', normaliseEmail(benchPerson('cost', 0).email)))
  const bookingId = String(lock?.bookingId)
  const token = deps.tokens.issue(bookingId)
  const managePage = await measure(() =>
    fetch(`${stack.webUrl}/api/bookings/${bookingId}`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.arrayBuffer()),
  )

  // The jobs over the bookings' life: the pre invitations a quarter of an hour on, then the
  // reminders and the pre reminder two days and two hours before the part, with their emails.
  const startsAt = new Date(session.parts[0]?.startsAt ?? '')
  const life = await measure(async () => {
    await runAll(new Date(Date.now() + 15 * 60_000), everyFiveMinutes)
    await drain()
    await runAll(new Date(startsAt.getTime() - 2 * 86_400_000 + 60_000), everyFiveMinutes)
    await drain()
    await runAll(new Date(startsAt.getTime() - 2 * 3_600_000 + 60_000), everyFiveMinutes)
  }, drain)
  const sent = await stackEmails()
  // The looks at the booked session (none of its bookings attended) and the ten empty ones when
  // post opens, at the end: each reads its session's bookings, and nothing is sent.
  const endsAt = new Date(session.parts.at(-1)?.endsAt ?? '')
  const bookedLook = await measure(() =>
    jobs.run('questionnaire-invitations', new Date(endsAt.getTime() + 60_000)),
  )

  console.log(
    `Table units measured on DynamoDB Local (${BOOKINGS} bookings of one session, ${first?.heldCount} held):`,
  )
  for (const [name, measured] of Object.entries(idle))
    console.log(`  job ${name} with nothing due: ${per(measured, 1)}`)
  console.log(
    `  questionnaire-invitations, per session just published (its first look), no bookings: ${per(emptyLooks, 10)}`,
  )
  console.log(
    `  questionnaire-invitations at the end, eleven sessions looked at, one of them with ${BOOKINGS} bookings, nothing to send: ${per(bookedLook, 1)}`,
  )
  console.log(`  GET /api/sessions?limit=20: ${per(listing, 1)}`)
  console.log(`  GET /api/sessions/{id}: ${per(sessionPage, 1)}`)
  console.log(
    `  POST a booking, with its confirmation email and take-up (per booking): ${per(booked, BOOKINGS)}`,
  )
  console.log(`  GET /api/bookings/{id} (the manage page): ${per(managePage, 1)}`)
  console.log(`  the jobs over a booking's life, with their emails (per booking): ${per(life, BOOKINGS)}`)
  console.log(`  emails sent by the SES emulator in the run: ${sent}`)

  async function stackItem(key: Record<string, string>) {
    const { Item } = await clients.doc.send(
      new GetCommand({ TableName: stack.tableName, Key: key, ConsistentRead: true }),
    )
    return Item
  }
  async function stackEmails(): Promise<number> {
    return stack.sesEndpoint ? (await readSentEmails(stack.sesEndpoint)).length : 0
  }
} finally {
  await stack.stop()
}
