import { randomUUID } from 'node:crypto'
import { createApp, wireApi } from '@ey/api'
import { type DocumentClient, ScanCommand } from '@ey/dynamodb/client'
import { describe, expect, it } from 'vitest'
import { storeSessions } from '../../support/dynamo.ts'
import { fakeClock, LEEDS, makeCourse, makeSession } from '../../support/factories.ts'
import { asStaff } from '../../support/staff.ts'
import {
  booked,
  createTestApi,
  newKey,
  recordingLogger,
  type TestApi,
  testApiConfig,
  withToken,
} from './support.ts'

/** Commands that write: the ones a crash can fall between. */
const WRITES = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
])

/** What a process killed mid-request leaves behind: the writes before the kill, none after. */
class ProcessKilled extends Error {}

/**
 * The document client of a process that dies before its write number `survives + 1`: every
 * read and the first `survives` writes go through, then each send throws.
 */
function dyingClient(doc: DocumentClient, survives: number): DocumentClient {
  let writes = 0
  let dead = false
  return new Proxy(doc, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver)
      return (command: { constructor: { name: string } }, ...rest: unknown[]) => {
        if (!dead && WRITES.has(command.constructor.name) && ++writes > survives) dead = true
        if (dead) return Promise.reject(new ProcessKilled('killed'))
        return (target.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest)
      }
    },
  })
}

/** The same API on the same table, in a process that dies after `survives` writes. */
function dyingApp(api: TestApi, survives: number) {
  const table = { ...api.table, doc: dyingClient(api.table.doc, survives) }
  return createApp(
    wireApi(testApiConfig(api.table), table, { clock: api.deps.clock, logger: recordingLogger() }),
  )
}

/** How many writes a request makes start to end, counted by a process that never dies. */
async function writesOf(
  api: TestApi,
  request: (app: ReturnType<typeof createApp>) => Response | Promise<Response>,
) {
  let writes = 0
  const counting = new Proxy(api.table.doc, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver)
      return (command: { constructor: { name: string } }, ...rest: unknown[]) => {
        if (WRITES.has(command.constructor.name)) writes++
        return (target.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest)
      }
    },
  })
  const app = createApp(
    wireApi(
      testApiConfig(api.table),
      { ...api.table, doc: counting },
      { clock: fakeClock(), logger: recordingLogger() },
    ),
  )
  const res = await request(app)
  return { writes, status: res.status }
}

interface Item {
  pk: string
  sk: string
  type?: string
  [key: string]: unknown
}

async function scan(api: TestApi): Promise<Item[]> {
  const items: Item[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await api.table.doc.send(
      new ScanCommand({ TableName: api.table.tableName, ExclusiveStartKey, ConsistentRead: true }),
    )
    items.push(...((page.Items ?? []) as Item[]))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  return items
}

const HOLDING = new Set(['confirmed', 'offered'])
const LIVE = new Set(['confirmed', 'offered', 'waiting'])

/**
 * The invariants, read straight from the table: each session's held and waiting counts equal its
 * bookings that hold a place and that wait; and the emails queued, by booking and kind.
 */
async function ledger(api: TestApi, sessionIds: string[]) {
  const items = await scan(api)
  const bookings = items.filter(
    (item) => item.sk === 'BOOKING' && sessionIds.includes(String(item.sessionId)),
  )
  const counts = sessionIds.map((id) => {
    const session = items.find((item) => item.pk === `SESSION#${id}` && item.sk === 'SESSION')
    const on = bookings.filter((b) => b.sessionId === id)
    return {
      id,
      held: session?.heldCount,
      holding: on.filter((b) => HOLDING.has(String(b.status))).length,
      waitingCount: session?.waitingCount,
      waiting: on.filter((b) => b.status === 'waiting').length,
    }
  })
  const emails = items
    .filter((item) => item.type === 'outbox' && bookings.some((b) => b.id === item.bookingId))
    .map((item) => `${item.bookingId} ${item.kind}`)
    .sort()
  return { bookings, counts, emails }
}

function expectCountsMatch(counts: Awaited<ReturnType<typeof ledger>>['counts']) {
  for (const count of counts) {
    expect(count.held, `held places of ${count.id}`).toBe(count.holding)
    expect(count.waitingCount, `waiting count of ${count.id}`).toBe(count.waiting)
  }
}

const api = await createTestApi()
await api.catalogue.putCourse(makeCourse())

/** Two dates of the course, the first with a booking for Ada and a waiting list behind her. */
async function moveWorld() {
  const from = makeSession({ id: `from-${randomUUID()}`, capacity: 1 })
  const to = makeSession({ id: `to-${randomUUID()}`, startsAt: '2026-03-23T16:00:00.000Z' })
  await storeSessions(api.table, from, to)
  const ada = await booked(api, from.id, { email: `ada-${randomUUID()}@example.org`, laCode: LEEDS })
  const bea = await booked(api, from.id, { email: `bea-${randomUUID()}@example.org`, laCode: LEEDS })
  return { from, to, ada, bea }
}

function move(
  app: ReturnType<typeof createApp>,
  bookingId: string,
  token: string,
  sessionId: string,
  key: string,
) {
  return app.request(
    `/api/bookings/${bookingId}/move`,
    withToken(token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ sessionId }),
    }),
  )
}

const moveWrites = await (async () => {
  const { to, ada } = await moveWorld()
  return writesOf(api, (app) => move(app, ada.id, ada.manageToken, to.id, newKey()))
})()

describe('a booking move killed between its steps', () => {
  it('makes several writes, so there are places to be killed between', () => {
    expect(moveWrites.status).toBe(201)
    expect(moveWrites.writes).toBeGreaterThan(1)
  })

  it.each(Array.from({ length: moveWrites.writes }, (_, k) => k))(
    'killed after %i writes: run again, it ends with one booking, counts that match, one email of each',
    async (survives) => {
      const { from, to, ada, bea } = await moveWorld()
      const key = newKey()

      const killed = await move(dyingApp(api, survives), ada.id, ada.manageToken, to.id, key)
      expect(killed.status).toBe(500)
      // Whatever the kill left, no place was given twice.
      expectCountsMatch((await ledger(api, [from.id, to.id])).counts)

      const again = await move(api.app, ada.id, ada.manageToken, to.id, key)
      expect(again.status).toBe(201)
      const { bookings, counts, emails } = await ledger(api, [from.id, to.id])
      expectCountsMatch(counts)
      const adas = bookings.filter((b) => b.id === ada.id || b.sessionId === to.id)
      expect(adas.filter((b) => LIVE.has(String(b.status))).map((b) => b.sessionId)).toEqual([to.id])
      // Bea waited behind Ada: the place Ada left went to her.
      const beaNow = String(bookings.find((b) => b.id === bea.id)?.status)
      expect(HOLDING.has(beaNow), `Bea is ${beaNow}`).toBe(true)
      const moved = adas.find((b) => b.sessionId === to.id)
      expect(emails).toEqual(
        [
          `${ada.id} booking-confirmed`,
          `${ada.id} booking-cancelled`,
          `${bea.id} booking-waitlisted`,
          `${bea.id} ${beaNow === 'offered' ? 'place-offered' : 'booking-promoted'}`,
          `${moved?.id} booking-confirmed`,
        ].sort(),
      )
    },
  )
})

function cancelOwn(app: ReturnType<typeof createApp>, bookingId: string, token: string) {
  return app.request(`/api/bookings/${bookingId}`, withToken(token, { method: 'DELETE' }))
}

const cancelOwnWrites = await (async () => {
  const { ada } = await moveWorld()
  return writesOf(api, (app) => cancelOwn(app, ada.id, ada.manageToken))
})()

describe('a cancellation of one booking killed between its steps', () => {
  it.each(Array.from({ length: cancelOwnWrites.writes }, (_, k) => k))(
    'killed after %i writes: run again, the place is cancelled once and goes to the next person waiting',
    async (survives) => {
      const { from, ada, bea } = await moveWorld()

      expect((await cancelOwn(dyingApp(api, survives), ada.id, ada.manageToken)).status).toBe(500)
      expectCountsMatch((await ledger(api, [from.id])).counts)

      expect((await cancelOwn(api.app, ada.id, ada.manageToken)).status).toBe(200)
      const { bookings, counts, emails } = await ledger(api, [from.id])
      expectCountsMatch(counts)
      const beaNow = String(bookings.find((b) => b.id === bea.id)?.status)
      expect(HOLDING.has(beaNow), `Bea is ${beaNow}`).toBe(true)
      expect(emails).toEqual(
        [
          `${ada.id} booking-confirmed`,
          `${ada.id} booking-cancelled`,
          `${bea.id} booking-waitlisted`,
          `${bea.id} ${beaNow === 'offered' ? 'place-offered' : 'booking-promoted'}`,
        ].sort(),
      )
    },
  )
})

/** A session with three people booked and one waiting, to be cancelled by an administrator. */
async function cancelWorld() {
  const session = makeSession({ id: `cancel-${randomUUID()}`, capacity: 3 })
  await storeSessions(api.table, session)
  const people = []
  for (const name of ['ada', 'bea', 'cy', 'dee']) {
    people.push(
      await booked(api, session.id, { email: `${name}-${randomUUID()}@example.org`, laCode: LEEDS }),
    )
  }
  return { session, people }
}

async function cancel(app: ReturnType<typeof createApp>, sessionId: string) {
  return app.request(`/api/admin/sessions/${sessionId}/cancel`, await asStaff('admin', { method: 'POST' }))
}

const cancelWrites = await (async () => {
  const { session } = await cancelWorld()
  return writesOf(api, (app) => cancel(app, session.id))
})()

describe('a session cancellation killed between its steps', () => {
  it('makes a write per booking and more, so there are places to be killed between', () => {
    expect(cancelWrites.status).toBe(200)
    expect(cancelWrites.writes).toBeGreaterThan(4)
  })

  it.each(Array.from({ length: cancelWrites.writes }, (_, k) => k))(
    'killed after %i writes: run again, every booking is cancelled once and told once',
    async (survives) => {
      const { session, people } = await cancelWorld()

      const killed = await cancel(dyingApp(api, survives), session.id)
      expect(killed.status).toBe(500)
      expectCountsMatch((await ledger(api, [session.id])).counts)

      const again = await cancel(api.app, session.id)
      expect(again.status).toBe(200)
      const { bookings, counts, emails } = await ledger(api, [session.id])
      expectCountsMatch(counts)
      expect(bookings.map((b) => b.status)).toEqual(people.map(() => 'cancelled'))
      const told = emails.filter((email) => email.endsWith(' session-cancelled'))
      expect(told).toEqual(people.map((p) => `${p.id} session-cancelled`).sort())
    },
  )
})
