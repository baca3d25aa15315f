import {
  type AbuseLimits,
  admitBookingLookup,
  bookSession,
  DEFAULT_ABUSE_LIMITS,
  londonDayWindow,
  minuteWindow,
  RateLimitedError,
  requestBookingWithinLimits,
  waitingListCap,
} from '@ey/domain'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOUR, MINUTE, makeDeps, makePerson, makeSession, type TestDeps } from '../support/factories.ts'
import { createInMemoryOutboxStore } from '../support/in-memory-outbox.ts'
import { inMemoryRateLimiter } from '../support/in-memory-rate-limits.ts'

const START = new Date('2026-03-16T16:00:00.000Z')
const HOME = { address: '203.0.113.7' }

function limitedDeps(limits: Partial<AbuseLimits> = {}) {
  const deps = makeDeps()
  return {
    ...deps,
    rateLimits: inMemoryRateLimiter(),
    outbox: createInMemoryOutboxStore(),
    limits: { ...DEFAULT_ABUSE_LIMITS, ...limits },
  }
}

function request(
  deps: ReturnType<typeof limitedDeps>,
  email: string,
  sessionId = 'session-1',
  key = `${sessionId}-${email}`,
) {
  return requestBookingWithinLimits(deps, HOME, {
    sessionId,
    idempotencyKey: key,
    person: makePerson({ email }),
  })
}

describe('rate windows', () => {
  it('never admits more than the limit in one minute, and admits up to it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 * 60_000 - 1 }), { maxLength: 60 }),
        async (limit, offsets) => {
          const deps = limitedDeps({ lookupPerAddressPerMinute: limit, lookupPerEmailPerMinute: 1000 })
          const start = deps.clock.now().getTime()
          const admitted = new Map<number, number>()
          const asked = new Map<number, number>()
          for (const offset of [...offsets].sort((a, b) => a - b)) {
            deps.clock.set(new Date(start + offset))
            const minute = Math.floor((start + offset) / MINUTE)
            asked.set(minute, (asked.get(minute) ?? 0) + 1)
            try {
              await admitBookingLookup(deps, HOME, 'ada@example.org')
              admitted.set(minute, (admitted.get(minute) ?? 0) + 1)
            } catch (error) {
              expect(error).toBeInstanceOf(RateLimitedError)
              const retry = (error as RateLimitedError).retryAfterSeconds
              expect((start + offset) / 1000 + retry).toBeGreaterThanOrEqual(((minute + 1) * MINUTE) / 1000)
              expect(retry).toBeLessThanOrEqual(60)
            }
          }
          for (const [minute, count] of asked) {
            expect(admitted.get(minute) ?? 0).toBe(Math.min(limit, count))
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it('keys a window by limit, subject and minute, and ends it at the next minute', () => {
    const window = minuteWindow('booking-address', 'abc', 3, new Date('2026-03-02T09:00:59.500Z'))
    expect(window).toEqual({
      key: `booking-address#abc#${Math.floor(Date.parse('2026-03-02T09:00:00Z') / MINUTE)}`,
      endsAt: new Date('2026-03-02T09:01:00.000Z'),
      limit: 3,
    })
  })

  it.each([
    ['in winter, at London midnight (UTC)', '2026-01-10T23:59:00Z', '2026-01-10', '2026-01-11T00:00:00.000Z'],
    [
      'in summer, at London midnight (23:00 UTC)',
      '2026-06-01T23:30:00Z',
      '2026-06-02',
      '2026-06-02T23:00:00.000Z',
    ],
  ])('ends the daily window %s', (_case, now, day, end) => {
    const window = londonDayWindow('booking-day', 'abc', 5, new Date(now))
    expect(window.key).toBe(`booking-day#abc#${day}`)
    expect(window.endsAt.toISOString()).toBe(end)
  })

  it('caps a waiting list at the larger of 50 and twice the capacity', () => {
    expect(waitingListCap(10, DEFAULT_ABUSE_LIMITS)).toBe(50)
    expect(waitingListCap(25, DEFAULT_ABUSE_LIMITS)).toBe(50)
    expect(waitingListCap(40, DEFAULT_ABUSE_LIMITS)).toBe(80)
  })
})

describe('requestBookingWithinLimits', () => {
  let deps: ReturnType<typeof limitedDeps>

  beforeEach(() => {
    deps = limitedDeps({ bookingsPerEmailPerDay: 2 })
    for (const id of ['session-1', 'session-2', 'session-3']) {
      deps.bookings.putSession(makeSession({ id, capacity: 5, startsAt: START }))
    }
  })

  it('refuses an email address past its bookings of the day with 429 until London midnight', async () => {
    await request(deps, 'ada@example.org', 'session-1')
    await request(deps, 'ada@example.org', 'session-2')

    const refused = await request(deps, 'ada@example.org', 'session-3').catch((error: unknown) => error)

    expect(refused).toMatchObject({ code: 'daily-booking-limit', limit: 'booking-day' })
    // NOW is 09:00 London time (GMT): 15 hours to midnight.
    expect((refused as RateLimitedError).retryAfterSeconds).toBe(15 * 3600)
    expect(deps.bookings.bookingsOf('session-3')).toHaveLength(0)
    await expect(request(deps, 'grace@example.org', 'session-3')).resolves.toMatchObject({ kind: 'booked' })
  })

  it('counts a request for a session already booked as a new booking, so the cap tells them apart nowhere', async () => {
    await request(deps, 'ada@example.org', 'session-1')
    await expect(request(deps, 'ada@example.org', 'session-1', 'another-key')).resolves.toMatchObject({
      kind: 'already-booked',
    })
    // Both the booked and the unbooked session now answer alike: the day is used up.
    for (const sessionId of ['session-1', 'session-2']) {
      await expect(request(deps, 'ada@example.org', sessionId, `third-${sessionId}`)).rejects.toMatchObject({
        code: 'daily-booking-limit',
      })
    }
  })

  it('gives back the count of a retry answered by its key, and of a refused request', async () => {
    await request(deps, 'ada@example.org', 'session-1')
    await request(deps, 'ada@example.org', 'session-1') // the same key: a retry
    await expect(request(deps, 'ada@example.org', 'no-such-session')).rejects.toMatchObject({
      code: 'session-not-found',
    })
    await expect(request(deps, 'ada@example.org', 'session-2')).resolves.toMatchObject({ kind: 'booked' })
  })

  it('refuses the 101st booking request of a minute from one address, naming the limit', async () => {
    deps.limits = { ...DEFAULT_ABUSE_LIMITS, bookingsPerEmailPerDay: 1000 }
    deps.bookings.putSession(makeSession({ id: 'session-1', capacity: 200, startsAt: START }))
    for (let i = 0; i < 100; i++) await request(deps, `staff-${i}@nursery.example`, 'session-1')
    await expect(request(deps, 'late@nursery.example', 'session-2')).rejects.toMatchObject({
      code: 'rate-limit-address',
      retryAfterSeconds: 60,
    })
    deps.clock.advance(MINUTE)
    await expect(request(deps, 'late@nursery.example', 'session-2')).resolves.toMatchObject({
      kind: 'booked',
    })
  })
})

describe('the waiting-list cap', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = makeDeps({ limits: { ...DEFAULT_ABUSE_LIMITS, waitingListMinimum: 2, waitingListPerPlace: 1 } })
    deps.bookings.putSession(makeSession({ capacity: 1, startsAt: START }))
  })

  const book = (email: string, key = `key-${email}`) =>
    bookSession(deps, { sessionId: 'session-1', idempotencyKey: key, person: makePerson({ email }) })

  it('answers waiting-list-full to a stranger and to someone on the list alike, and books nothing', async () => {
    await book('a@example.org')
    await book('b@example.org')
    await book('c@example.org')

    await expect(book('d@example.org')).rejects.toMatchObject({ code: 'waiting-list-full' })
    await expect(book('c@example.org', 'new-key')).rejects.toMatchObject({ code: 'waiting-list-full' })
    expect(await deps.bookings.getSession('session-1')).toMatchObject({ heldCount: 1, waitingCount: 2 })
  })

  it('still answers a retry of a booking that joined the list before it filled', async () => {
    await book('a@example.org')
    await book('b@example.org')
    await book('c@example.org')

    await expect(book('c@example.org')).resolves.toMatchObject({ replayed: true, waitlistPosition: 2 })
  })

  it('opens again when someone leaves the list', async () => {
    deps.clock.advance(HOUR)
    await book('a@example.org')
    await book('b@example.org')
    const last = await book('c@example.org')
    await deps.bookings.changeStatus({
      bookingId: last.booking.id,
      from: 'waiting',
      to: 'cancelled',
      by: 'participant',
      at: deps.clock.now(),
    })
    await expect(book('d@example.org')).resolves.toMatchObject({ waitlistPosition: 2 })
  })
})
