import {
  type BookingDeps,
  bookSession,
  DEFAULT_ABUSE_LIMITS,
  DEFAULT_POLICY,
  draftBooking,
  WaitingListFullError,
} from '@ey/domain'
import { createDynamoBookingRepository } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, randomIds, sha256Fingerprints } from '@ey/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { makePerson, makeSession } from '../support/factories.ts'

const START = new Date(Date.now() + 30 * 86_400_000)

describe('the waiting-list cap in the DynamoDB booking engine', () => {
  let deps: BookingDeps
  let table: TestTable

  beforeAll(async () => {
    table = await createTestTable()
    deps = {
      bookings: createDynamoBookingRepository(table),
      clock: { now: () => new Date() },
      ids: randomIds,
      fingerprints: sha256Fingerprints,
      tokens: hmacTokens('a-test-secret-that-is-long-enough-32'),
      las: localAuthorities,
      policy: DEFAULT_POLICY,
      limits: { ...DEFAULT_ABUSE_LIMITS, waitingListMinimum: 2, waitingListPerPlace: 1 },
    }
    await storeSessions(table, makeSession({ id: 'capped', capacity: 1, startsAt: START }))
    for (const name of ['a', 'b', 'c']) {
      await bookSession(deps, {
        sessionId: 'capped',
        idempotencyKey: `key-${name}`,
        person: makePerson({ email: `${name}@example.org` }),
      })
    }
  })

  it('refuses a stranger with waiting-list-full once two wait', async () => {
    await expect(
      bookSession(deps, {
        sessionId: 'capped',
        idempotencyKey: 'key-d',
        person: makePerson({ email: 'd@example.org' }),
      }),
    ).rejects.toBeInstanceOf(WaitingListFullError)
    expect(await deps.bookings.getSession('capped')).toMatchObject({ heldCount: 1, waitingCount: 2 })
  })

  it('decides in the write, and says full before "already booked" to someone on the list', async () => {
    const session = await deps.bookings.getSession('capped')
    if (!session) throw new Error('no session')
    const at = new Date().toISOString()
    const place = (email: string) =>
      deps.bookings.placeBooking({
        booking: draftBooking(deps, { id: randomIds.newId(), session, person: makePerson({ email }), at }),
        idempotency: { key: `raw-${email}`, fingerprint: 'f' },
        outbox: {},
        expected: 'wait',
        maxWaiting: 2,
      })

    await expect(place('e@example.org')).rejects.toBeInstanceOf(WaitingListFullError)
    await expect(place('c@example.org')).rejects.toBeInstanceOf(WaitingListFullError)
    expect(await deps.bookings.getSession('capped')).toMatchObject({ waitingCount: 2 })
  })
})
