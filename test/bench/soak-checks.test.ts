import { type BookingDeps, bookSession, cancelBooking, DEFAULT_POLICY } from '@ey/domain'
import { bookingItem, createDynamoBookingRepository, keys } from '@ey/dynamodb'
import { GetCommand, PutCommand, UpdateCommand } from '@ey/dynamodb/client'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, randomIds, sha256Fingerprints } from '@ey/runtime'
import { describe, expect, it } from 'vitest'
import { checkInvariants, readAllItems } from '../../bench/soak-checks.ts'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { makePerson, makeSession } from '../support/factories.ts'

const DAY = 86_400_000
const person = (n: number) => makePerson({ name: `Grace Okafor`, email: `grace.okafor.${n}@example.org` })

/**
 * A table as the booking engine leaves it: a session of 2 places booked by 5 people (one cancels,
 * so the first waiting is promoted), 2 left waiting, and every email marked sent.
 */
async function bookedTable() {
  const table = await createTestTable()
  const deps: BookingDeps = {
    bookings: createDynamoBookingRepository(table),
    clock: { now: () => new Date() },
    ids: randomIds,
    fingerprints: sha256Fingerprints,
    tokens: hmacTokens('a-test-secret-that-is-long-enough-32'),
    las: localAuthorities,
    policy: DEFAULT_POLICY,
  }
  await storeSessions(
    table,
    makeSession({ id: 'soak', capacity: 2, startsAt: new Date(Date.now() + 30 * DAY) }),
  )
  const booked = []
  for (let n = 0; n < 5; n++) {
    booked.push(
      await bookSession(deps, { sessionId: 'soak', idempotencyKey: `soak-key-${n}`, person: person(n) }),
    )
  }
  const [first] = booked
  if (!first) throw new Error('nothing booked')
  await cancelBooking(deps, first.booking.id, first.manageToken)
  const items = await readAllItems(table.doc, table.tableName)
  for (const email of items.filter((item) => item.type === 'outbox')) {
    await update(table, { pk: email.pk, sk: email.sk }, { status: 'sent' })
  }
  const bookings = items.filter((item) => item.type === 'booking')
  const waiting = bookings.filter((item) => item.status === 'waiting')
  const confirmed = bookings.filter((item) => item.status === 'confirmed')
  return { table, waiting, confirmed }
}

async function update(table: TestTable, key: Record<string, unknown>, values: Record<string, unknown>) {
  const names = Object.keys(values)
  await table.doc.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: key,
      UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, values[name]])),
    }),
  )
}

/** The names of the checks that fail on the table, with their violations. */
async function failing(table: TestTable) {
  const checks = checkInvariants(await readAllItems(table.doc, table.tableName))
  return Object.fromEntries(checks.filter((c) => c.violations.length > 0).map((c) => [c.name, c.violations]))
}

describe('the soak’s invariant checks', () => {
  it('pass on a table the booking engine wrote, promotion and waiting list included', async () => {
    const { table, waiting, confirmed } = await bookedTable()
    expect(waiting).toHaveLength(2)
    expect(confirmed).toHaveLength(2)
    const checks = checkInvariants(await readAllItems(table.doc, table.tableName))
    expect(checks.map((c) => [c.name, c.checked, c.violations])).toEqual([
      ['seat counts', 1, []],
      ['waiting lists', 2, []],
      ['outbox', 7, []],
      ['one live booking', 4, []],
    ])
  })

  it('catch a seat count that disagrees with the bookings (a place not given back)', async () => {
    const { table } = await bookedTable()
    await update(table, keys.session('soak'), { heldCount: 1 })
    expect(await failing(table)).toEqual({
      'seat counts': ['session soak: heldCount 1, bookings holding a place 2'],
    })
  })

  it('catch two waiting bookings at the same place in the queue', async () => {
    const { table, waiting } = await bookedTable()
    const [ahead, behind] = waiting
    await update(table, keys.booking(String(behind?.id)), { waitlistTicket: ahead?.waitlistTicket })
    const found = await failing(table)
    expect(Object.keys(found)).toEqual(['waiting lists'])
    expect(found['waiting lists']).toContain(
      `session soak: bookings ${ahead?.id} and ${behind?.id} share queue ticket ${ahead?.waitlistTicket}`,
    )
  })

  it('catch an email left pending after the drain', async () => {
    const { table, confirmed } = await bookedTable()
    const items = await readAllItems(table.doc, table.tableName)
    const email = items.find((item) => item.type === 'outbox' && item.bookingId === confirmed[0]?.id)
    await update(table, { pk: email?.pk, sk: email?.sk }, { status: 'pending' })
    expect(await failing(table)).toEqual({
      outbox: [`email ${email?.id} (${email?.kind}) is pending after 0 attempt(s)`],
    })
  })

  it('catch a second live booking of the same person on a session, even with the counts kept', async () => {
    const { table, confirmed } = await bookedTable()
    const original = confirmed[0]
    const stored = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: keys.booking(String(original?.id)) }),
    )
    const double = bookingItem.from(stored.Item ?? {})
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: bookingItem.to({ ...double, id: 'doubled', status: 'waiting', waitlistTicket: 99 }),
      }),
    )
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...keys.queueEntry('soak', 99), type: 'queue-entry', bookingId: 'doubled' },
      }),
    )
    await update(table, keys.session('soak'), { waitingCount: 3 })
    expect(await failing(table)).toEqual({
      'one live booking': [
        `session soak: one person holds 2 live bookings (${[original?.id, 'doubled'].sort().join(', ')})`,
        "session soak: live booking doubled does not hold its person's lock",
      ],
    })
  })
})
