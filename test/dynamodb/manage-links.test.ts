import { bookSession, cancelBooking, DEFAULT_POLICY } from '@ey/domain'
import { createDynamoBookingRepository, createDynamoManageLinkStore } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, randomIds, sha256Fingerprints } from '@ey/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { DAY, fakeClock, makeOutboxMessage, makePerson, makeSession, NOW } from '../support/factories.ts'

describe('the DynamoDB manage-link store', () => {
  let table: TestTable
  let store: ReturnType<typeof createDynamoManageLinkStore>
  let deps: Parameters<typeof bookSession>[0]

  beforeAll(async () => {
    table = await createTestTable()
    const options = { doc: table.doc, tableName: table.tableName }
    store = createDynamoManageLinkStore(options)
    deps = {
      bookings: createDynamoBookingRepository(options),
      clock: fakeClock(),
      ids: randomIds,
      fingerprints: sha256Fingerprints,
      tokens: hmacTokens('a-manage-links-test-secret-long-enough'),
      las: localAuthorities,
      policy: DEFAULT_POLICY,
    }
    await storeSessions(table, makeSession({ id: 'next-week', startsAt: new Date(NOW.getTime() + 7 * DAY) }))
  })

  const bookAs = (sessionId: string, email: string) =>
    bookSession(deps, { sessionId, idempotencyKey: `k-${sessionId}-${email}`, person: makePerson({ email }) })

  it('lists a person’s bookings of any status ending after the limit, and renews them with their email in one write, once', async () => {
    const live = await bookAs('next-week', 'ada@example.org')
    const cancelled = await bookAs('next-week', 'ada.cancelled@example.org')
    await cancelBooking(deps, cancelled.booking.id, cancelled.manageToken)
    const bookings = await store.bookingsOf('ada@example.org', new Date(NOW.getTime() - 90 * DAY))
    expect(bookings.map((b) => b.id)).toEqual([live.booking.id])
    expect((await store.bookingsOf('ada.cancelled@example.org', NOW)).map((b) => b.status)).toEqual([
      'cancelled',
    ])

    const renewal = { bookingId: live.booking.id, fromVersion: 1, toVersion: 2, tokenHash: 'new-hash' }
    const email = makeOutboxMessage({ kind: 'manage-links-renewed', bookingId: live.booking.id })
    const at = new Date(NOW.getTime() + 60_000)
    expect(await store.renew({ renewals: [{ ...renewal, fromVersion: 2, toVersion: 3 }], email, at })).toBe(
      'changed',
    )
    expect(await deps.bookings.getBooking(live.booking.id)).toMatchObject({
      manageTokenHash: live.booking.manageTokenHash,
    })
    expect(await store.renew({ renewals: [renewal], email, at })).toBe('renewed')
    expect(await deps.bookings.getBooking(live.booking.id)).toMatchObject({
      manageTokenVersion: 2,
      manageTokenHash: 'new-hash',
      updatedAt: at.toISOString(),
    })
    expect(await store.renew({ renewals: [{ ...renewal, fromVersion: 2, toVersion: 3 }], email, at })).toBe(
      'already-queued',
    )
    expect((await deps.bookings.getBooking(live.booking.id))?.manageTokenVersion).toBe(2)
  })

  it('leaves out sessions that ended before the limit', async () => {
    const old = await bookAs('next-week', 'old@example.org')
    expect(await store.bookingsOf('old@example.org', new Date(NOW.getTime() + 30 * DAY))).toEqual([])
    expect((await store.bookingsOf('old@example.org', NOW)).map((b) => b.id)).toEqual([old.booking.id])
  })
})
