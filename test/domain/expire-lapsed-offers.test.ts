import { acceptOffer, bookSession, cancelBooking, expireLapsedOffers } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOUR, MINUTE, makeDeps, makePerson, makeSession, type TestDeps } from '../support/factories.ts'

// A session of one place on Monday 16 March 2026 at 16:00.
const START = new Date('2026-03-16T16:00:00.000Z')
const at = (iso: string) => new Date(iso)

let deps: TestDeps

async function book(email: string) {
  const { booking, manageToken } = await bookSession(deps, {
    sessionId: 'session-1',
    idempotencyKey: `key-${email}`,
    person: makePerson({ email }),
  })
  return { id: booking.id, token: manageToken }
}

const statusOf = async (id: string) => (await deps.bookings.getBooking(id))?.status
const emails = () => deps.bookings.outbox.map((m) => [m.kind, m.bookingId])
const counters = async () => {
  const session = await deps.bookings.getSession('session-1')
  return { held: session?.heldCount, waiting: session?.waitingCount }
}

/** A confirmed, b and c waiting; a cancels at 04:00 on the day, so b is offered until 08:00. */
async function offeredToB() {
  const a = await book('a@example.org')
  const b = await book('b@example.org')
  const c = await book('c@example.org')
  deps.clock.set(at('2026-03-16T04:00:00.000Z'))
  await cancelBooking(deps, a.id, a.token)
  deps.bookings.outbox.length = 0
  return { a, b, c }
}

beforeEach(() => {
  deps = makeDeps()
  deps.bookings.putSession(makeSession({ capacity: 1, startsAt: START }))
})

describe('expireLapsedOffers', () => {
  it('lets a lapsed offer go with its email and offers the place to the next in line', async () => {
    const { b, c } = await offeredToB()
    deps.clock.set(at('2026-03-16T08:00:01.000Z'))

    await expect(expireLapsedOffers(deps)).resolves.toEqual({ expired: 1, promoted: 1, skipped: 0 })

    expect([await statusOf(b.id), await statusOf(c.id)]).toEqual(['expired', 'offered'])
    expect(await deps.bookings.getBooking(c.id)).toMatchObject({ offerExpiresAt: '2026-03-16T12:00:01.000Z' })
    expect(await counters()).toEqual({ held: 1, waiting: 0 })
    expect(emails()).toEqual([
      ['offer-expired', b.id],
      ['place-offered', c.id],
    ])
  })

  it('does nothing before the deadline, and nothing more when run again', async () => {
    const { b } = await offeredToB()
    deps.clock.set(at('2026-03-16T07:59:59.000Z'))
    await expect(expireLapsedOffers(deps)).resolves.toEqual({ expired: 0, promoted: 0, skipped: 0 })
    expect(await statusOf(b.id)).toBe('offered')

    deps.clock.set(at('2026-03-16T08:00:00.000Z'))
    await expireLapsedOffers(deps)
    const sent = emails()
    await expect(expireLapsedOffers(deps)).resolves.toEqual({ expired: 0, promoted: 0, skipped: 0 })
    expect(emails()).toEqual(sent)
  })

  it('catches up after downtime: offers that lapsed one after another all pass on in one run', async () => {
    const { b, c } = await offeredToB()
    const d = await book('d@example.org')
    // Down from 07:00 until an hour before the start: b lapsed at 08:00; c would have had 08:00–12:00.
    deps.clock.set(at('2026-03-16T15:00:00.000Z'))

    await expect(expireLapsedOffers(deps)).resolves.toEqual({ expired: 1, promoted: 1, skipped: 0 })
    expect([await statusOf(b.id), await statusOf(c.id), await statusOf(d.id)]).toEqual([
      'expired',
      'offered',
      'waiting',
    ])
    // c's offer runs from now, until the start at the latest.
    expect(await deps.bookings.getBooking(c.id)).toMatchObject({ offerExpiresAt: START.toISOString() })
  })

  it('never acts on an offer accepted meanwhile, even when the index still lists it', async () => {
    const { b, c } = await offeredToB()
    deps.clock.set(at('2026-03-16T07:59:00.000Z'))
    const listed = await deps.bookings.offersDueBy(at('2026-03-16T08:00:00.000Z'))
    await acceptOffer(deps, b.id, b.token)
    deps.bookings.outbox.length = 0
    deps.clock.advance(2 * MINUTE)
    const lagging = { ...deps, bookings: { ...deps.bookings, offersDueBy: async () => listed } }

    await expect(expireLapsedOffers(lagging)).resolves.toEqual({ expired: 0, promoted: 0, skipped: 1 })
    expect([await statusOf(b.id), await statusOf(c.id)]).toEqual(['confirmed', 'waiting'])
    expect(emails()).toEqual([])
  })

  it('after the start, lets a lapsed offer go and offers the place to nobody', async () => {
    const { b, c } = await offeredToB()
    deps.clock.set(new Date(START.getTime() + HOUR))

    await expect(expireLapsedOffers(deps)).resolves.toEqual({ expired: 1, promoted: 0, skipped: 0 })
    expect([await statusOf(b.id), await statusOf(c.id)]).toEqual(['expired', 'waiting'])
  })
})
