import { bookSession, promoteFromWaitlist, type Session } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOUR, makeDeps, makePerson, makeSession, type TestDeps } from '../support/factories.ts'

const START = new Date('2026-03-16T16:00:00.000Z')

let deps: TestDeps

async function session(): Promise<Session> {
  const stored = await deps.bookings.getSession('session-1')
  if (!stored) throw new Error('session missing')
  return stored
}

/** One place held and `waiting` people queued (w1, w2…), then the capacity raised by an administrator. */
async function queueThenRaiseCapacity(waiting: number, capacity: number): Promise<string[]> {
  const ids: string[] = []
  for (const name of ['holder', ...Array.from({ length: waiting }, (_, n) => `w${n + 1}`)]) {
    const { booking } = await bookSession(deps, {
      sessionId: 'session-1',
      idempotencyKey: name,
      person: makePerson({ email: `${name}@example.org` }),
    })
    ids.push(booking.id)
  }
  deps.bookings.putSession({ ...(await session()), capacity })
  deps.bookings.outbox.length = 0
  return ids.slice(1)
}

const statuses = (ids: string[]) =>
  Promise.all(ids.map(async (id) => (await deps.bookings.getBooking(id))?.status))

beforeEach(() => {
  deps = makeDeps()
  deps.bookings.putSession(makeSession({ capacity: 1, startsAt: START }))
})

describe('promoteFromWaitlist', () => {
  it('confirms as many waiting people as there are free places, in arrival order', async () => {
    const waiting = await queueThenRaiseCapacity(4, 3)

    await expect(promoteFromWaitlist(deps, 'session-1')).resolves.toBe(2)

    expect(await statuses(waiting)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting'])
    expect(await session()).toMatchObject({ heldCount: 3, waitingCount: 2 })
    expect(deps.bookings.outbox.map((m) => [m.kind, m.bookingId])).toEqual([
      ['booking-promoted', waiting[0]],
      ['booking-promoted', waiting[1]],
    ])
  })

  it('offers the places, with an expiry, within a day of the start', async () => {
    const waiting = await queueThenRaiseCapacity(2, 2)
    deps.clock.set(new Date(START.getTime() - 2 * HOUR))

    await expect(promoteFromWaitlist(deps, 'session-1')).resolves.toBe(1)

    expect(await deps.bookings.getBooking(waiting[0] ?? '')).toMatchObject({
      status: 'offered',
      offerExpiresAt: START.toISOString(),
    })
    expect(deps.bookings.outbox.map((m) => m.kind)).toEqual(['place-offered'])
  })

  it('moves nobody once the session has started', async () => {
    const waiting = await queueThenRaiseCapacity(2, 3)
    deps.clock.set(START)
    await expect(promoteFromWaitlist(deps, 'session-1')).resolves.toBe(0)
    expect(await statuses(waiting)).toEqual(['waiting', 'waiting'])
  })

  it('moves nobody on a cancelled session', async () => {
    await queueThenRaiseCapacity(2, 3)
    deps.bookings.putSession({ ...(await session()), status: 'cancelled' })
    await expect(promoteFromWaitlist(deps, 'session-1')).resolves.toBe(0)
  })

  it('moves nobody when the session is full or nobody waits', async () => {
    await queueThenRaiseCapacity(2, 1)
    await expect(promoteFromWaitlist(deps, 'session-1')).resolves.toBe(0)
    await expect(promoteFromWaitlist(deps, 'nowhere')).resolves.toBe(0)
  })

  it('never promotes past capacity when several callers run at once', async () => {
    const waiting = await queueThenRaiseCapacity(5, 3)

    const moved = await Promise.all(Array.from({ length: 4 }, () => promoteFromWaitlist(deps, 'session-1')))

    expect(moved.reduce((a, b) => a + b, 0)).toBe(2)
    expect(await statuses(waiting)).toEqual(['confirmed', 'confirmed', 'waiting', 'waiting', 'waiting'])
    expect(await session()).toMatchObject({ heldCount: 3, waitingCount: 3 })
  })
})
