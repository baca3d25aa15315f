import { type Booking, type BookingLookup, isLive, sessionEnd } from '@ey/domain'
import { type DocumentClient, QueryCommand } from './client/index.ts'
import { bookingItem } from './items.ts'
import { indexKeys } from './keys.ts'

/** How far back a booking's first part may have started and the booking still be current (multi-part courses). */
export const LOOKBACK_MS = 120 * 24 * 60 * 60_000

/** Upper bound on the bookings read for one person, so a strange address cannot make a long query. */
export const MAX_PERSON_BOOKINGS = 200

/**
 * "Find my bookings" on DynamoDB: a person's bookings from gsi2 (by a hash of the normalised
 * email, never the address itself).
 */
export function createDynamoBookingLookup(options: {
  doc: DocumentClient
  tableName: string
}): BookingLookup {
  return {
    async liveBookingsOf(emailKey: string, now: Date): Promise<Booking[]> {
      const bookings = await personBookingsEndingAfter(options, emailKey, now)
      return bookings.filter((booking) => isLive(booking.status))
    },
  }
}

/**
 * A person's bookings whose session ends after `after` (at most `MAX_PERSON_BOOKINGS`, from gsi2
 * by the hash of the normalised email): the index sorts by first start, so it is read from
 * `LOOKBACK_MS` before.
 */
export async function personBookingsEndingAfter(
  table: { doc: DocumentClient; tableName: string },
  emailKey: string,
  after: Date,
): Promise<Booking[]> {
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :from',
      ExpressionAttributeValues: {
        ':pk': indexKeys.personBookingsPk(emailKey),
        ':from': new Date(after.getTime() - LOOKBACK_MS).toISOString(),
      },
      Limit: MAX_PERSON_BOOKINGS,
    }),
  )
  return Items.map((item) => bookingItem.from(item)).filter((booking) => sessionEnd(booking.session) > after)
}
