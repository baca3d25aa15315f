import { type BookingDeps, bookSession, cancelBooking, DEFAULT_POLICY } from '@ey/domain'
import { createDynamoBookingRepository } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, randomIds, sha256Fingerprints } from '@ey/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { makePerson, makeSession } from '../support/factories.ts'
import { RAISED_RATE_LIMITS } from '../support/limits.ts'

const DAY = 86_400_000

const session = (id: string, capacity: number) =>
  makeSession({ id, capacity, startsAt: new Date(Date.now() + 30 * DAY) })
const person = (n: number) => makePerson({ name: `Person ${n}`, email: `person.${n}@example.org` })

describe('the DynamoDB booking engine under concurrency', () => {
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
      // 180 wait for 20 places: more than the default waiting-list cap allows.
      limits: RAISED_RATE_LIMITS,
    }
  })

  it('seats exactly 20 of 200 simultaneous bookers and queues the other 180 at positions 1..180', async () => {
    await storeSessions(table, session('burst', 20))
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        bookSession(deps, { sessionId: 'burst', idempotencyKey: `burst-key-${n}`, person: person(n) }),
      ),
    )
    const confirmed = results.filter((r) => r.booking.status === 'confirmed')
    const waiting = results.filter((r) => r.booking.status === 'waiting')
    expect(confirmed).toHaveLength(20)
    expect(waiting).toHaveLength(180)
    const settled = await Promise.all(
      waiting.map(async (r) => ({
        id: r.booking.id,
        position: await deps.bookings.waitlistPosition(r.booking),
      })),
    )
    expect(settled.map((w) => w.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 180 }, (_, i) => i + 1),
    )
    // The position answered at booking time counts who was already queued then: it can miss an
    // earlier arrival whose write was still in flight, so it is never a later place than the true one.
    waiting.forEach((r, i) => {
      expect(r.waitlistPosition).toBeGreaterThanOrEqual(1)
      expect(r.waitlistPosition).toBeLessThanOrEqual(settled[i]?.position ?? 0)
    })
    const stored = await deps.bookings.getSession('burst')
    expect(stored).toMatchObject({ heldCount: 20, waitingCount: 180 })

    const firstFive = [...settled].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).slice(0, 5)

    await Promise.all(confirmed.slice(0, 5).map((r) => cancelBooking(deps, r.booking.id, r.manageToken)))

    const promoted = await Promise.all(firstFive.map(({ id }) => deps.bookings.getBooking(id)))
    expect(promoted.map((b) => b?.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
    ])
    const next = await deps.bookings.firstWaiting('burst')
    const sixth = waiting.find((r) => r.booking.id === next?.id)
    expect(sixth && (await deps.bookings.waitlistPosition(next ?? sixth.booking))).toBe(1)
    expect(await deps.bookings.getSession('burst')).toMatchObject({ heldCount: 20, waitingCount: 175 })
  }, 120_000) // a guard against a hang only: 200 bookers queue behind everything else the run's DynamoDB Local serves

  it('answers one booking to the same idempotency key replayed 20 times at once', async () => {
    await storeSessions(table, session('replay', 5))
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        bookSession(deps, { sessionId: 'replay', idempotencyKey: 'same-key-1', person: person(1) }),
      ),
    )
    expect(new Set(results.map((r) => r.booking.id)).size).toBe(1)
    expect(new Set(results.map((r) => r.manageToken)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(await deps.bookings.getSession('replay')).toMatchObject({ heldCount: 1, waitingCount: 0 })
  })
})
