import { keys } from '@ey/dynamodb'
import type { DynamoDBRecord } from 'aws-lambda'

const BOOKING = keys.booking('')

/**
 * The booking a stream record is about, from its keys (present in every insert, change and
 * removal); undefined for any other item, even one in a booking's partition (its answers, its
 * take-up contribution).
 */
export function bookingIdOf(record: DynamoDBRecord): string | undefined {
  const pk = record.dynamodb?.Keys?.pk?.S
  if (record.dynamodb?.Keys?.sk?.S !== BOOKING.sk || !pk?.startsWith(BOOKING.pk)) return undefined
  return pk.slice(BOOKING.pk.length)
}
