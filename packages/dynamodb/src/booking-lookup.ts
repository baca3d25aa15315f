import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { type Booking, type BookingLookup, isLive, type OutboxMessage, sessionEnd } from '@ey/domain'
import { bookingItem, outboxItem } from './items.ts'
import { indexKeys } from './keys.ts'

/** How far back a booking's first part may have started and the booking still be current (multi-part courses). */
const LOOKBACK_MS = 120 * 24 * 60 * 60_000

/** Upper bound on the bookings read for one person, so a strange address cannot make a long query. */
const MAX_ITEMS = 200

/**
 * "Find my bookings" on DynamoDB: a person's bookings from gsi2 (by a hash of the normalised
 * email, never the address itself), and emails queued on their own with a conditional put.
 */
export function createDynamoBookingLookup(options: {
  doc: DynamoDBDocumentClient
  tableName: string
}): BookingLookup {
  const { doc, tableName } = options
  return {
    async liveBookingsOf(emailKey: string, now: Date): Promise<Booking[]> {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk >= :from',
          ExpressionAttributeValues: {
            ':pk': indexKeys.personBookingsPk(emailKey),
            ':from': new Date(now.getTime() - LOOKBACK_MS).toISOString(),
          },
          Limit: MAX_ITEMS,
        }),
      )
      return Items.map((item) => bookingItem.from(item)).filter(
        (booking) => isLive(booking.status) && sessionEnd(booking.session) > now,
      )
    },

    async queueEmail(message: OutboxMessage): Promise<boolean> {
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: outboxItem.to(message),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        )
        return true
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false
        throw error
      }
    },
  }
}
