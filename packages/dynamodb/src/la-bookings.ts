import { addDays, type Booking, type DayRange, fromLondon, type LaBookings } from '@ey/domain'
import { batchGet } from './batch-get.ts'
import { bookingItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryPages, type TableAccess } from './query.ts'
import { DEFAULT_RETRY } from './retry.ts'

/**
 * An LA's bookings by session start, from gsi3 (`LA#<code>` / `<startsAt>#<bookingId>`): one
 * Query, a page at a time, so a download streams and the cost follows the LA's own bookings. An
 * index is read eventually consistently, so `current` reads chosen bookings again from the table.
 */
export function createDynamoLaBookings(table: TableAccess): LaBookings {
  return {
    async *pages(laCode: string, period: DayRange): AsyncGenerator<Booking[]> {
      // `<end midnight>` sorts before `<end midnight>#<id>`: sessions starting then are the next day's.
      const from = fromLondon(period.from, '00:00').toISOString()
      const to = fromLondon(addDays(period.to, 1), '00:00').toISOString()
      for await (const page of queryPages(table, {
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': indexKeys.laBookingsPk(laCode), ':from': from, ':to': to },
      })) {
        yield (page.Items ?? []).map(bookingItem.from)
      }
    },

    async current(bookings: Booking[]): Promise<Booking[]> {
      if (bookings.length === 0) return []
      const items = await batchGet(
        table,
        bookings.map((booking) => keys.booking(booking.id)),
        DEFAULT_RETRY,
        { consistent: true },
      )
      const byId = new Map(items.map((item) => [String(item.id), bookingItem.from(item)]))
      return bookings.flatMap((booking) => {
        const found = byId.get(booking.id)
        return found ? [found] : []
      })
    },
  }
}
