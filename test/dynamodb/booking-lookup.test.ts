import { bookSession, cancelBooking, DEFAULT_POLICY } from '@ey/domain'
import { createDynamoBookingLookup, createDynamoBookingRepository } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, randomIds, sha256Fingerprints } from '@ey/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { DAY, fakeClock, makePerson, makeSession, NOW } from '../support/factories.ts'

describe('the DynamoDB booking lookup', () => {
  let table: TestTable
  let lookup: ReturnType<typeof createDynamoBookingLookup>
  let deps: Parameters<typeof bookSession>[0]

  beforeAll(async () => {
    table = await createTestTable()
    const options = { doc: table.doc, tableName: table.tableName }
    lookup = createDynamoBookingLookup(options)
    deps = {
      bookings: createDynamoBookingRepository(options),
      clock: fakeClock(),
      ids: randomIds,
      fingerprints: sha256Fingerprints,
      tokens: hmacTokens('a-lookup-test-secret-long-enough'),
      las: localAuthorities,
      policy: DEFAULT_POLICY,
    }
    for (const [id, days] of [
      ['next-week', 7],
      ['next-month', 30],
      ['last-week', -7],
    ] as const) {
      await storeSessions(table, makeSession({ id, startsAt: new Date(NOW.getTime() + days * DAY) }))
    }
  })

  const bookAs = (sessionId: string, email: string) =>
    bookSession(deps, { sessionId, idempotencyKey: `k-${sessionId}-${email}`, person: makePerson({ email }) })

  it('finds a person’s live bookings of sessions still to come, soonest first, by normalised address', async () => {
    const later = await bookAs('next-month', 'Grace@Example.org')
    const sooner = await bookAs('next-week', 'grace@example.org')
    const other = await bookAs('next-week', 'someone.else@example.org')
    const cancelled = await bookAs('next-month', 'grace.cancelled@example.org')
    await cancelBooking(deps, cancelled.booking.id, cancelled.manageToken)

    const found = await lookup.liveBookingsOf('grace@example.org', NOW)

    expect(found.map((b) => b.id)).toEqual([sooner.booking.id, later.booking.id])
    expect(found.map((b) => b.id)).not.toContain(other.booking.id)
    expect(await lookup.liveBookingsOf('grace.cancelled@example.org', NOW)).toEqual([])
    expect(await lookup.liveBookingsOf('grace@example.org', new Date(NOW.getTime() + 60 * DAY))).toEqual([])
  })
})
