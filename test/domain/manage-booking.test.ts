import { acceptOffer, bookSession, cancelBooking, declineOffer, expireOffer, openBooking } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { DAY, HOUR, MINUTE, makeDeps, makePerson, makeSession, type TestDeps } from '../support/factories.ts'

const START = new Date('2026-03-16T16:00:00.000Z')
const before = (ms: number) => new Date(START.getTime() - ms)

let deps: TestDeps

/** Books the session as `email` and returns what the person would hold: the booking and its token. */
async function book(email: string) {
  const { booking, manageToken } = await bookSession(deps, {
    sessionId: 'session-1',
    idempotencyKey: `key-${email}`,
    person: makePerson({ email }),
  })
  return { id: booking.id, token: manageToken }
}

const statusOf = async (id: string) => (await deps.bookings.getBooking(id))?.status
const counters = async () => {
  const session = await deps.bookings.getSession('session-1')
  return { held: session?.heldCount, waiting: session?.waitingCount }
}
const emails = () => deps.bookings.outbox.map((m) => [m.kind, m.bookingId])

/** A full session of one place, held by `holder`, with `first` and `second` waiting in that order. */
async function fullSessionWithQueue() {
  const holder = await book('holder@example.org')
  const first = await book('first@example.org')
  const second = await book('second@example.org')
  deps.bookings.outbox.length = 0
  return { holder, first, second }
}

/** As above, with the place then offered to `first` close to the start. */
async function offeredToFirst() {
  const people = await fullSessionWithQueue()
  deps.clock.set(before(12 * HOUR))
  await cancelBooking(deps, people.holder.id, people.holder.token)
  deps.bookings.outbox.length = 0
  return people
}

beforeEach(() => {
  deps = makeDeps()
  deps.bookings.putSession(makeSession({ capacity: 1, startsAt: START }))
})

describe('openBooking', () => {
  it('opens a waiting booking with its place in the queue', async () => {
    const { first, second } = await fullSessionWithQueue()
    await expect(openBooking(deps, second.id, second.token)).resolves.toMatchObject({
      booking: { id: second.id, status: 'waiting' },
      waitlistPosition: 2,
    })
    expect((await openBooking(deps, first.id, first.token)).waitlistPosition).toBe(1)
  })

  it("answers booking-not-found for a wrong token, another booking's token or an unknown id", async () => {
    const mine = await book('ada@example.org')
    const other = await book('grace@example.org')
    for (const [id, token] of [
      [mine.id, `${mine.token}x`],
      [mine.id, other.token],
      ['no-such-booking', mine.token],
    ] as const) {
      await expect(openBooking(deps, id, token)).rejects.toMatchObject({ code: 'booking-not-found' })
    }
  })
})

describe('cancelBooking', () => {
  it('frees the place and confirms the first person waiting, telling both', async () => {
    const { holder, first, second } = await fullSessionWithQueue()

    const { booking } = await cancelBooking(deps, holder.id, holder.token)

    expect(booking.status).toBe('cancelled')
    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(['confirmed', 'waiting'])
    expect((await openBooking(deps, second.id, second.token)).waitlistPosition).toBe(1)
    expect(await counters()).toEqual({ held: 1, waiting: 1 })
    expect(emails()).toEqual([
      ['booking-cancelled', holder.id],
      ['booking-promoted', first.id],
    ])
  })

  it('offers the place for four hours instead when the session starts within a day', async () => {
    const { first } = await offeredToFirst()
    const offered = await deps.bookings.getBooking(first.id)
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: '2026-03-16T08:00:00.000Z' })
    expect(await counters()).toEqual({ held: 1, waiting: 1 })
  })

  it('records a cancellation after bookings close as late, still passing the place on', async () => {
    const { holder } = await fullSessionWithQueue()
    deps.clock.set(before(30 * MINUTE))
    await expect(cancelBooking(deps, holder.id, holder.token)).resolves.toMatchObject({
      booking: { status: 'late-cancelled' },
    })
    expect(await counters()).toEqual({ held: 1, waiting: 1 })
  })

  it('refuses to cancel a confirmed place once the session has started', async () => {
    const { holder } = await fullSessionWithQueue()
    deps.clock.set(START)
    await expect(cancelBooking(deps, holder.id, holder.token)).rejects.toMatchObject({
      code: 'cancellation-closed',
    })
    expect(await statusOf(holder.id)).toBe('confirmed')
  })

  it('takes a waiting person off the list and moves the others up', async () => {
    const { first, second } = await fullSessionWithQueue()
    await expect(cancelBooking(deps, first.id, first.token)).resolves.toMatchObject({
      booking: { status: 'cancelled' },
    })
    expect((await openBooking(deps, second.id, second.token)).waitlistPosition).toBe(1)
    expect(await counters()).toEqual({ held: 1, waiting: 1 })
  })

  it('passes a cancelled offer on to the next in line', async () => {
    const { first, second } = await offeredToFirst()
    await cancelBooking(deps, first.id, first.token)
    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(['cancelled', 'offered'])
    expect(emails()).toEqual([
      ['booking-cancelled', first.id],
      ['place-offered', second.id],
    ])
  })

  it('answers an already cancelled booking unchanged, sending nothing', async () => {
    const { holder } = await fullSessionWithQueue()
    await cancelBooking(deps, holder.id, holder.token)
    deps.bookings.outbox.length = 0
    await expect(cancelBooking(deps, holder.id, holder.token)).resolves.toMatchObject({
      booking: { status: 'cancelled' },
    })
    expect(emails()).toEqual([])
  })

  it.each(['attended', 'no-show'] as const)('refuses to cancel a booking marked %s', async (status) => {
    const { holder } = await fullSessionWithQueue()
    await deps.bookings.changeStatus({
      bookingId: holder.id,
      from: 'confirmed',
      to: status,
      by: 'trainer',
      at: START,
    })
    await expect(cancelBooking(deps, holder.id, holder.token)).rejects.toMatchObject({
      code: 'cancellation-closed',
    })
  })

  it('changes nothing for a wrong token', async () => {
    const { holder } = await fullSessionWithQueue()
    await expect(cancelBooking(deps, holder.id, 'guessed')).rejects.toMatchObject({
      code: 'booking-not-found',
    })
    expect(await statusOf(holder.id)).toBe('confirmed')
  })
})

describe('acceptOffer', () => {
  it('confirms an offered place while the offer stands', async () => {
    const { first } = await offeredToFirst()
    deps.clock.advance(4 * HOUR - MINUTE)
    const { booking } = await acceptOffer(deps, first.id, first.token)
    expect(booking).toMatchObject({ status: 'confirmed' })
    expect(booking.offerExpiresAt).toBeUndefined()
    expect(await counters()).toEqual({ held: 1, waiting: 1 })
    expect(emails()).toEqual([['booking-confirmed', first.id]])
  })

  it('refuses once the offer has lapsed', async () => {
    const { first } = await offeredToFirst()
    deps.clock.advance(4 * HOUR)
    await expect(acceptOffer(deps, first.id, first.token)).rejects.toMatchObject({ code: 'no-offer' })
  })

  it('refuses a booking that holds no offer', async () => {
    const { holder, second } = await offeredToFirst()
    await expect(acceptOffer(deps, second.id, second.token)).rejects.toMatchObject({ code: 'no-offer' })
    await expect(acceptOffer(deps, holder.id, holder.token)).rejects.toMatchObject({ code: 'no-offer' })
  })
})

describe('declineOffer', () => {
  it('lets the place go to the next in line', async () => {
    const { first, second } = await offeredToFirst()
    await expect(declineOffer(deps, first.id, first.token)).resolves.toMatchObject({
      booking: { status: 'declined' },
    })
    expect(await statusOf(second.id)).toBe('offered')
    expect(await counters()).toEqual({ held: 1, waiting: 0 })
  })

  it('frees the person to book the session again', async () => {
    const { first } = await offeredToFirst()
    await declineOffer(deps, first.id, first.token)
    deps.clock.set(before(2 * HOUR))
    const again = await bookSession(deps, {
      sessionId: 'session-1',
      idempotencyKey: 'changed-my-mind',
      person: makePerson({ email: 'first@example.org' }),
    })
    expect(again.booking.status).toBe('waiting')
  })

  it('refuses a booking that holds no offer', async () => {
    const { second } = await offeredToFirst()
    await expect(declineOffer(deps, second.id, second.token)).rejects.toMatchObject({ code: 'no-offer' })
  })
})

describe('expireOffer', () => {
  it('leaves an offer alone until it lapses', async () => {
    const { first } = await offeredToFirst()
    deps.clock.advance(4 * HOUR - MINUTE)
    await expect(expireOffer(deps, await stored(first.id))).resolves.toEqual({ expired: false })
    expect(await statusOf(first.id)).toBe('offered')
  })

  it('lets a lapsed offer go and offers the place to the next in line', async () => {
    const { first, second } = await offeredToFirst()
    deps.clock.advance(4 * HOUR)
    await expect(expireOffer(deps, await stored(first.id))).resolves.toEqual({ expired: true, promoted: 1 })
    expect([await statusOf(first.id), await statusOf(second.id)]).toEqual(['expired', 'offered'])
    expect(await deps.bookings.getBooking(second.id)).toMatchObject({
      offerExpiresAt: '2026-03-16T12:00:00.000Z',
    })
    expect(emails()).toEqual([
      ['offer-expired', first.id],
      ['place-offered', second.id],
    ])
  })

  it('ignores a booking that is not offered', async () => {
    const { second } = await offeredToFirst()
    deps.clock.advance(DAY)
    await expireOffer(deps, await stored(second.id))
    expect(await statusOf(second.id)).toBe('waiting')
  })
})

async function stored(id: string) {
  const booking = await deps.bookings.getBooking(id)
  if (!booking) throw new Error('booking missing')
  return booking
}
