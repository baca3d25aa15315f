import { PutCommand } from '@aws-sdk/lib-dynamodb'
import type { Booking } from '@ey/domain'
import { bookingItem, createDynamoLaBookings } from '@ey/dynamodb'
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
