import type { SessionPage } from '@ey/contract'
import { academicYearOf, type Booking, type DayRange, londonParts, takeUpFacts } from '@ey/domain'
import { bookingItem, createDynamoTakeUpStats, type DynamoTakeUpStats, keys } from '@ey/dynamodb'
import { paginateScan } from '@ey/dynamodb/client'
import { type LocalStack, type SeedReport, startLocalStack } from '@ey/local-stack'
import { localAuthorities } from '@ey/reference-data'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { stackTable } from '../support/dynamo.ts'
import { makePerson, WESTMINSTER } from '../support/factories.ts'
import { copySeededData, seededData } from '../support/seeded-data.ts'
import { expectedCounts, expectedReach } from '../support/take-up-expected.ts'

describe('the take-up aggregates of a local stack', () => {
  let stack: LocalStack
  let stats: DynamoTakeUpStats
  let seed: SeedReport
  let removeData = () => {}

  beforeAll(async () => {
    // The run's demo programme, seeded once with the stats stream applying every booking as it was
    // written (`seededData`); this stack starts on a copy, its poller after the seed's records.
    const seeded = await seededData(inject('seededDataDir'))
    seed = seeded.report
    const copy = copySeededData(seeded)
    removeData = copy.remove
    stack = await startLocalStack({ dataDir: copy.dataDir, seed: true, mail: false, jobs: false })
    stats = createDynamoTakeUpStats(stackTable(stack), localAuthorities)
  }, 600_000)
  afterAll(async () => {
    await stack?.stop()
    removeData()
  })

  /** Every booking of the table, read whole: a test's check, never a request's. */
  async function allBookings(): Promise<Booking[]> {
    const bookings: Booking[] = []
    const table = stackTable(stack)
    for await (const page of paginateScan(
      { client: table.doc },
      {
        TableName: table.tableName,
        FilterExpression: 'sk = :sk',
        ExpressionAttributeValues: { ':sk': keys.booking('').sk },
        ConsistentRead: true,
      },
    )) {
      bookings.push(...(page.Items ?? []).map(bookingItem.from))
    }
    return bookings
  }

  /** The aggregates beside what the rules recompute from every booking, over the bookings' days. */
  async function compare(bookings: Booking[]) {
    const days = bookings.map((booking) => takeUpFacts(booking).day).sort()
    const period: DayRange = { from: days[0] ?? '', to: days.at(-1) ?? '' }
    const year = Number(academicYearOf(londonParts(stack.clock.now()).date).from.slice(0, 4))
    return {
      actual: { counts: await stats.counts(period), reach: await stats.reach(year) },
      expected: { counts: expectedCounts(bookings, period), reach: expectedReach(bookings, year) },
    }
  }

  it('hold the seeded demo bookings once the stream has caught up', async () => {
    await stack.drainTakeUp(150_000)
    const bookings = await allBookings()
    expect(bookings.length).toBe(seed.bookings + seed.past.bookings)
    const { actual, expected } = await compare(bookings)
    expect(actual).toEqual(expected)
    expect(actual.counts.england.bookings).toBeGreaterThan(0)
    expect(actual.reach.england.people).toBeGreaterThan(0)
  }, 180_000)

  it('count a place booked through the API once the stream has caught up', async () => {
    const page = (await (await fetch(`${stack.webUrl}/api/sessions?limit=100`)).json()) as SessionPage
    const session = page.items.find((item) => item.placesLeft > 0)
    expect(session).toBeDefined()
    const day = londonParts(new Date(session?.startsAt ?? '')).date
    const before = await stats.counts({ from: day, to: day })

    const booked = await fetch(`${stack.webUrl}/api/sessions/${session?.id}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(
        makePerson({ email: `take-up-${crypto.randomUUID()}@example.org`, laCode: WESTMINSTER }),
      ),
    })
    expect(booked.status).toBe(202)
    await stack.drainTakeUp(30_000)

    const after = await stats.counts({ from: day, to: day })
    expect(after.england.bookings).toBe(before.england.bookings + 1)
    expect(after.byLa.get(WESTMINSTER)?.bookings).toBe((before.byLa.get(WESTMINSTER)?.bookings ?? 0) + 1)
    const { actual, expected } = await compare(await allBookings())
    expect(actual).toEqual(expected)
  }, 60_000)
})
