import { addDays, type Booking, type DayRange, fromLondon, type LaBookings } from '@ey/domain'
import { bookingItem } from './items.ts'
import { indexKeys } from './keys.ts'
import { queryPages, type TableAccess } from './query.ts'

/**
 * An LA's bookings by session start, from gsi3 (`LA#<code>` / `<startsAt>#<bookingId>`): one
 * Query, a page at a time, so a download streams and the cost follows the LA's own bookings.
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
  }
}
