import type { Booking } from '@ey/domain'
import { bookingItem, createDynamoLaBookings } from '@ey/dynamodb'
import { BatchWriteCommand, PutCommand } from '@ey/dynamodb/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../support/dynamo.ts'
import { LEEDS, makeBooking, makePerson, makeSnapshot, partAt } from '../support/factories.ts'

const WAKEFIELD = 'E08000036'

function bookingAt(id: string, startsAt: string, laCode = LEEDS): Booking {
  return makeBooking({
    id,
    person: makePerson({ laCode }),
    session: makeSnapshot({ parts: [partAt(startsAt)] }),
  })
}

describe('an LA’s bookings by session start (gsi3)', () => {
  let table: TestTable

  beforeAll(async () => {
    table = await createTestTable()
    const bookings = [
      // 23:30 UTC on 31 August is 1 September in London.
      bookingAt('bk-first', '2026-08-31T23:30:00.000Z'),
      bookingAt('bk-before', '2026-08-31T22:59:00.000Z'),
      bookingAt('bk-last', '2026-10-31T23:59:00.000Z'),
      // Midnight at the end of 31 October (GMT again) belongs to 1 November.
      bookingAt('bk-after', '2026-11-01T00:00:00.000Z'),
      bookingAt('bk-elsewhere', '2026-10-01T16:00:00.000Z', WAKEFIELD),
    ]
    for (const booking of bookings) {
      await table.doc.send(new PutCommand({ TableName: table.tableName, Item: bookingItem.to(booking) }))
    }
  })

  it('reads only the LA’s bookings of sessions starting on the period’s London days, in start order', async () => {
    const laBookings = createDynamoLaBookings(table)
    const read: string[] = []
    for await (const page of laBookings.pages(LEEDS, { from: '2026-09-01', to: '2026-10-31' })) {
      read.push(...page.map((booking) => booking.id))
    }
    expect(read).toEqual(['bk-first', 'bk-last'])
  })
})

describe('an LA’s bookings read again from the table', () => {
  it('answers every one of hundreds (several BatchGet calls at once), in the order asked, and leaves out those gone', async () => {
    const table = await createTestTable()
    const stored = Array.from({ length: 350 }, (_, n) =>
      bookingAt(`bk-${String(n).padStart(3, '0')}`, '2026-10-01T16:00:00.000Z'),
    )
    for (let i = 0; i < stored.length; i += 25) {
      const items = stored
        .slice(i, i + 25)
        .map((booking) => ({ PutRequest: { Item: bookingItem.to(booking) } }))
      await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.tableName]: items } }))
    }
    const gone = [
      bookingAt('bk-gone-1', '2026-10-01T16:00:00.000Z'),
      bookingAt('bk-gone-2', '2026-10-02T16:00:00.000Z'),
    ]
    const asked = [...stored].reverse()
    asked.splice(120, 0, gone[0] as Booking)
    asked.push(gone[1] as Booking)

    const read = await createDynamoLaBookings(table).current(asked)

    expect(read.map((booking) => booking.id)).toEqual([...stored].reverse().map((booking) => booking.id))
  })
})
