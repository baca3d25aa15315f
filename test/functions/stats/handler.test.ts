import { type Booking, fromLondon } from '@ey/domain'
import { bookingItem, createDynamoTakeUpStats, type DynamoTakeUpStats, keys } from '@ey/dynamodb'
import { DeleteCommand, PutCommand } from '@ey/dynamodb/client'
import { localAuthorities } from '@ey/reference-data'
import {
  createStatsHandler,
  type StatsHandlerDeps,
  statsClients,
  statsConfigFromEnv,
  wireStats,
} from '@ey/stats-function'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { LEEDS, makeBooking, makeSnapshot, partAt, withChange } from '../../support/factories.ts'
import { changeRecord, insertRecord, streamEvent } from '../../support/stream.ts'

// Academic year 2044/45, which no other test uses.
const PERIOD = { from: '2044-09-01', to: '2045-08-31' }
const session = makeSnapshot({ parts: [partAt(fromLondon('2044-10-01', '10:00'))] })

let table: TestTable
let deps: StatsHandlerDeps
let stats: DynamoTakeUpStats

beforeAll(async () => {
  table = await createTestTable()
  deps = wireStats({ tableName: table.tableName }, { doc: table.doc })
  stats = createDynamoTakeUpStats(table, localAuthorities)
})

async function store(booking: Booking) {
  const item = bookingItem.to(booking)
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }))
  return item
}

const readCounts = () => stats.counts(PERIOD)

describe('the stats stream handler', () => {
  it('applies each booking of a batch once, as it is now, whatever its records say', async () => {
    const handle = createStatsHandler(deps)
    const booking = makeBooking({ id: 'st-1', session })
    const inserted = await store(booking)
    const attended = await store(withChange(booking, 'confirmed', 'attended'))

    const answer = await handle(
      streamEvent(
        insertRecord(inserted),
        changeRecord('MODIFY', keys.booking(booking.id)),
        insertRecord(attended),
      ),
    )

    expect(answer).toEqual({ batchItemFailures: [] })
    const { england, byLa } = await readCounts()
    expect(england).toMatchObject({ bookings: 1, attended: 1 })
    expect(byLa.get(LEEDS)).toEqual(england)
  })

  it('changes nothing when a record is replayed', async () => {
    const handle = createStatsHandler(deps)
    const before = await readCounts()
    await handle(streamEvent(changeRecord('MODIFY', keys.booking('st-1'))))
    expect(await readCounts()).toEqual(before)
  })

  it('takes a removed booking away', async () => {
    const handle = createStatsHandler(deps)
    const booking = makeBooking({ id: 'st-2', session, emailKey: 'bo@example.org' })
    await handle(streamEvent(insertRecord(await store(booking))))
    expect((await readCounts()).england.bookings).toBe(2)
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: keys.booking(booking.id) }))
    await handle(streamEvent(changeRecord('REMOVE', keys.booking(booking.id))))
    expect((await readCounts()).england.bookings).toBe(1)
  })

  it('ignores every item that is not a booking, even in a booking’s partition', async () => {
    const applyBookings = vi.fn(async () => ({ applied: 1, unchanged: 0 }))
    const handle = createStatsHandler({ ...deps, takeUpStats: { applyBookings } })
    await handle(
      streamEvent(
        changeRecord('MODIFY', keys.takeUpContribution('st-1')),
        changeRecord('MODIFY', keys.questionnaireResponse('st-1', 'post')),
        changeRecord('MODIFY', keys.session('ses-1')),
        changeRecord('MODIFY', keys.outbox('ob-1')),
      ),
    )
    expect(applyBookings).not.toHaveBeenCalled()
  })

  it('applies a batch’s bookings in groups, each booking once however many records it has', async () => {
    const applyBookings = vi.fn(async (ids: readonly string[]) => ({ applied: ids.length, unchanged: 0 }))
    const handle = createStatsHandler({ ...deps, takeUpStats: { applyBookings } }, { groupSize: 2 })
    await handle(
      streamEvent(
        ...['b1', 'b2', 'b1', 'b3', 'b4', 'b5', 'b3'].map((id) => changeRecord('MODIFY', keys.booking(id))),
      ),
    )
    expect(applyBookings.mock.calls.map(([ids]) => ids)).toEqual([['b1', 'b2'], ['b3', 'b4'], ['b5']])
  })

  it('reports every record of a booking it could not apply, and goes on with the others', async () => {
    // A group holding the bad booking fails as a whole; each of its bookings is then tried alone.
    const applied: string[] = []
    const applyBookings = vi.fn(async (ids: readonly string[]) => {
      if (ids.includes('bad')) throw new Error('DynamoDB is down')
      applied.push(...ids)
      return { applied: ids.length, unchanged: 0 }
    })
    const error = vi.fn()
    const handle = createStatsHandler({ takeUpStats: { applyBookings }, logger: { error } })
    const records = [
      changeRecord('MODIFY', keys.booking('good-1')),
      changeRecord('MODIFY', keys.booking('bad')),
      changeRecord('MODIFY', keys.booking('good-2')),
      changeRecord('REMOVE', keys.booking('bad')),
    ]

    const answer = await handle(streamEvent(...records))

    expect(applied.sort()).toEqual(['good-1', 'good-2'])
    expect(answer.batchItemFailures).toEqual(
      [records[1], records[3]].map((record) => ({ itemIdentifier: record?.dynamodb?.SequenceNumber })),
    )
    expect(error).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledWith(expect.any(String), { bookingId: 'bad', error: 'Error' })
  })
})

describe('the stats function’s configuration', () => {
  it('refuses to start without TABLE_NAME, and needs nothing else', () => {
    expect(() => statsConfigFromEnv({})).toThrow('Missing environment variable TABLE_NAME')
    const config = statsConfigFromEnv({ TABLE_NAME: 'training' })
    expect(config).toEqual({ tableName: 'training' })
    expect(wireStats(config, statsClients(config)).takeUpStats.applyBookings).toBeTypeOf('function')
  })
})
