import { addDays, BOOKING_STATUSES, type Booking, type BookingStatus, fromLondon } from '@ey/domain'
import { bookingItem, createDynamoTakeUpStats, type DynamoTakeUpStats, keys } from '@ey/dynamodb'
import { DeleteCommand, GetCommand, PutCommand } from '@ey/dynamodb/client'
import { localAuthorities } from '@ey/reference-data'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../support/dynamo.ts'
import { LEEDS, makeBooking, makePerson, makeSnapshot, partAt, WESTMINSTER } from '../support/factories.ts'
import { createInMemoryTakeUpStats } from '../support/in-memory-take-up.ts'

const WAKEFIELD = 'E08000036'
const YORKSHIRE = 'E12000003'
const LONDON_REGION = 'E12000007'

let table: TestTable
let stats: DynamoTakeUpStats

beforeAll(async () => {
  table = await createTestTable()
  stats = createDynamoTakeUpStats(table, localAuthorities)
})

async function store(booking: Booking): Promise<void> {
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: bookingItem.to(booking) }))
}

async function remove(bookingId: string): Promise<void> {
  await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: keys.booking(bookingId) }))
}

describe('take-up aggregates through a booking’s life', () => {
  // Academic year 2040/41, used by no other test of this file.
  const period = { from: '2040-09-01', to: '2041-08-31' }
  const startsAt = fromLondon('2040-11-05', '10:00').toISOString()
  const booking = (id: string, status: BookingStatus, email: string, settingName = 'Little Acorns') =>
    makeBooking({
      id,
      status,
      emailKey: email,
      person: makePerson({ email, settingName }),
      session: makeSnapshot({ parts: [partAt(startsAt)] }),
    })

  async function step(next: Booking) {
    await store(next)
    await stats.applyBooking(next.id)
    const counts = await stats.counts(period)
    const reach = await stats.reach(2040)
    return {
      england: counts.england,
      leeds: counts.byLa.get(LEEDS),
      people: reach.england.people,
      region: reach.byRegion.get(YORKSHIRE)?.people,
      settings: reach.byLa.get(LEEDS)?.settings,
    }
  }
  const counts = (bookings: number, attended: number, noShows: number, late: number, waiting: number) => ({
    bookings,
    attended,
    noShows,
    lateCancellations: late,
    waiting,
  })

  it('moves counts and reach exactly at each change, and a replayed record changes nothing', async () => {
    const ada = 'ada@example.org'
    const bo = 'bo@example.org'
    expect(await step(booking('life-1', 'waiting', ada))).toMatchObject({
      england: counts(0, 0, 0, 0, 1),
      people: 0,
    })
    expect(await step(booking('life-1', 'offered', ada))).toMatchObject({ england: counts(0, 0, 0, 0, 1) })
    expect(await step(booking('life-1', 'confirmed', ada))).toEqual({
      england: counts(1, 0, 0, 0, 0),
      leeds: counts(1, 0, 0, 0, 0),
      people: 1,
      region: 1,
      settings: 1,
    })
    expect(await step(booking('life-1', 'attended', ada))).toMatchObject({
      england: counts(1, 1, 0, 0, 0),
      people: 1,
    })
    // The same person again, on another session: one more place, not one more person.
    expect(await step(booking('life-2', 'confirmed', ada))).toMatchObject({ people: 1, settings: 1 })
    expect(await step(booking('life-2', 'no-show', ada))).toMatchObject({
      england: counts(2, 1, 1, 0, 0),
      people: 1,
    })
    // Someone else from the same setting, written another way: one more person, the same setting.
    expect(await step(booking('life-3', 'confirmed', bo, 'LITTLE ACORNS LTD'))).toMatchObject({
      people: 2,
      settings: 1,
    })
    expect(await step(booking('life-3', 'late-cancelled', bo, 'LITTLE ACORNS LTD'))).toMatchObject({
      england: counts(3, 1, 1, 1, 0),
      people: 2,
    })
    const before = await step(booking('life-4', 'confirmed', 'cy@example.org', 'Busy Bees'))
    expect(before).toMatchObject({ england: counts(4, 1, 1, 1, 0), people: 3, settings: 2 })
    // Cancelled in time: the place, the person and their setting are given back.
    expect(await step(booking('life-4', 'cancelled', 'cy@example.org', 'Busy Bees'))).toEqual({
      ...before,
      england: counts(3, 1, 1, 1, 0),
      leeds: counts(3, 1, 1, 1, 0),
      people: 2,
      region: 2,
      settings: 1,
    })

    const settled = [await stats.counts(period), await stats.reach(2040)]
    for (const id of ['life-1', 'life-2', 'life-3', 'life-4']) {
      expect(await stats.applyBooking(id)).toBe('unchanged')
    }
    expect([await stats.counts(period), await stats.reach(2040)]).toEqual(settled)
  })

  it('takes a deleted booking’s contribution away with it', async () => {
    const gone = makeBooking({
      id: 'life-gone',
      emailKey: 'dee@example.org',
      person: makePerson({ email: 'dee@example.org', laCode: WESTMINSTER }),
      session: makeSnapshot({ parts: [partAt(fromLondon('2040-12-01', '10:00'))] }),
    })
    await store(gone)
    await stats.applyBooking(gone.id)
    expect((await stats.reach(2040)).byRegion.get(LONDON_REGION)?.people).toBe(1)
    await remove(gone.id)
    expect(await stats.applyBooking(gone.id)).toBe('applied')
    expect((await stats.counts(period)).byLa.has(WESTMINSTER)).toBe(false)
    expect((await stats.reach(2040)).byRegion.has(LONDON_REGION)).toBe(false)
    const { Item } = await table.doc.send(
      new GetCommand({
        TableName: table.tableName,
        Key: keys.takeUpContribution(gone.id),
        ConsistentRead: true,
      }),
    )
    expect(Item).toBeUndefined()
    expect(await stats.applyBooking(gone.id)).toBe('unchanged')
  })

  it('sums the days of the months it covers in part and the months it covers whole, only those of the period', async () => {
    const stored = [
      ['sum-1', '2042-01-31'],
      ['sum-2', '2042-02-01'],
      ['sum-3', '2042-03-15'],
      ['sum-4', '2042-03-16'],
    ] as const
    for (const [id, day] of stored) {
      await store(makeBooking({ id, session: makeSnapshot({ parts: [partAt(fromLondon(day, '10:00'))] }) }))
      await stats.applyBooking(id)
    }
    const { england } = await stats.counts({ from: '2042-01-31', to: '2042-03-15' })
    expect(england.bookings).toBe(3)
  })
})

describe('take-up aggregates of many bookings at once', () => {
  it('spread over transactions of at most 100 items, counted as one at a time would count them', async () => {
    // Academic year 2046/47, used by no other test of this file: 40 people of 8 LAs on 4 days, a
    // setting each, which need several transactions together.
    const las = [
      'E08000035',
      'E08000036',
      'E09000033',
      'E10000016',
      'E06000001',
      'E08000001',
      'E09000001',
      'E10000014',
    ]
    const bookings = Array.from({ length: 40 }, (_, i) =>
      makeBooking({
        id: `many-${i}`,
        status: i % 5 === 0 ? 'no-show' : 'attended',
        emailKey: `many-${i}@example.org`,
        person: makePerson({
          email: `many-${i}@example.org`,
          laCode: las[i % las.length],
          settingName: `Setting ${i}`,
          ...(i % 2 === 0 ? { ofstedUrn: String(500_000 + i) } : {}),
        }),
        session: makeSnapshot({ parts: [partAt(fromLondon(addDays('2046-10-05', i % 4), '10:00'))] }),
      }),
    )
    for (const booking of bookings) await store(booking)
    const ids = bookings.map((booking) => booking.id)

    expect(await stats.applyBookings([...ids, ids[0] ?? ''])).toEqual({ applied: 40, unchanged: 0 })
    expect(await stats.applyBookings(ids)).toEqual({ applied: 0, unchanged: 40 })

    const expected = createInMemoryTakeUpStats(() => bookings)
    const period = { from: '2046-09-01', to: '2047-08-31' }
    expect(await stats.counts(period)).toEqual(await expected.counts(period))
    expect(await stats.reach(2046)).toEqual(await expected.reach(2046))
  })
})

/** One booking's life as the property writes it: its states in order, and whether it is deleted at the end. */
interface Life {
  laCode: string
  day: number
  email: string
  role: 'childminder' | 'parent-or-carer' | 'other'
  setting: { name: string; urn: string | undefined; home: boolean }
  states: BookingStatus[]
  deleted: boolean
}

const lifeArbitrary: fc.Arbitrary<Life> = fc.record({
  // Few LAs and days (three of one academic year, one of the next), so that bookings often meet.
  laCode: fc.constantFrom(LEEDS, LEEDS, WAKEFIELD, WESTMINSTER),
  day: fc.constantFrom(0, 40, 364, 365),
  email: fc.constantFrom('ada@example.org', 'bo@example.org', 'cy@example.org', 'dee@example.org'),
  role: fc.constantFrom('childminder', 'parent-or-carer', 'other'),
  setting: fc.record({
    name: fc.constantFrom('Little Acorns', 'little acorns ltd', 'Busy Bees', 'The Busy Bees'),
    urn: fc.option(fc.constantFrom('123456', '7654321'), { nil: undefined }),
    home: fc.constantFrom(false, false, false, true),
  }),
  // Places booked more often than not, so that people and settings meet.
  states: fc.array(
    fc.oneof(
      {
        arbitrary: fc.constantFrom<BookingStatus>('confirmed', 'attended', 'no-show', 'late-cancelled'),
        weight: 2,
      },
      { arbitrary: fc.constantFrom(...BOOKING_STATUSES), weight: 1 },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  deleted: fc.boolean(),
})

let run = 0

describe('take-up aggregates, whatever the stream does', () => {
  it('equal what the rules recompute from the bookings’ final states, applied in any order, some twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lifeArbitrary, { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.record({
            booking: fc.nat(),
            apply: fc.boolean(),
            together: fc.array(fc.nat(), { maxLength: 3 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (lives, steps, repeats) => {
          // Each run its own two academic years and bookings, so runs never meet in the aggregates.
          const startYear = 2100 + 2 * ++run
          const first = `${startYear}-09-01`
          const states = lives.map((life, i) =>
            life.states.map((status) => stateOf(`p${run}-${i}`, life, status, addDays(first, life.day))),
          )
          const written = lives.map(() => 0)
          // Writes the booking's next state, then its deletion if it has one; false once all is written.
          const write = async (i: number): Promise<boolean> => {
            const done = written[i] ?? 0
            written[i] = done + 1
            const next = states[i]?.[done]
            if (next) await store(next)
            else if (lives[i]?.deleted && done === states[i]?.length) await remove(`p${run}-${i}`)
            else return false
            return true
          }
          const id = (n: number) => `p${run}-${n % lives.length}`
          for (const { booking, apply, together } of steps) {
            // Applied alone, or in a group with others (as the stream handler applies a batch).
            if (apply && together.length === 0) await stats.applyBooking(id(booking))
            else if (apply) await stats.applyBookings([booking, ...together].map(id))
            else await write(booking % lives.length)
          }
          for (let i = 0; i < lives.length; i++) while (await write(i));
          // The last records of every booking, at once and some repeated: a group and single
          // bookings race for the counters.
          const last = [...lives.keys(), ...repeats].map(id)
          const half = Math.ceil(last.length / 2)
          await Promise.all([
            stats.applyBookings(last.slice(0, half)),
            ...last.slice(half).map((booking) => stats.applyBooking(booking)),
          ])

          const final = lives.flatMap((life, i) => (life.deleted ? [] : [states[i]?.at(-1) as Booking]))
          const expected = createInMemoryTakeUpStats(() => final)
          // Two whole academic years (month items), and a period of whole and part months.
          for (const period of [
            { from: first, to: addDays(first, 729) },
            { from: addDays(first, 20), to: addDays(first, 380) },
          ]) {
            expect(await stats.counts(period)).toEqual(await expected.counts(period))
          }
          for (const year of [startYear, startYear + 1]) {
            expect(await stats.reach(year)).toEqual(await expected.reach(year))
          }
        },
      ),
      { numRuns: 25 },
    )
  }, 240_000)
})

function stateOf(id: string, life: Life, status: BookingStatus, day: string): Booking {
  return makeBooking({
    id,
    status,
    emailKey: life.email,
    person: makePerson({
      email: life.email,
      role: life.role,
      laCode: life.laCode,
      settingName: life.setting.name,
      settingType: life.setting.home ? 'home' : 'childminder',
      ...(life.setting.urn ? { ofstedUrn: life.setting.urn } : {}),
    }),
    session: makeSnapshot({ parts: [partAt(fromLondon(day, '10:00'))] }),
  })
}
