import { bookSession, cancelBooking, findMoveOptions, moveBooking } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  DAY,
  HOUR,
  LEEDS,
  makeDeps,
  makePerson,
  makeSession,
  NOW,
  type TestDeps,
  WESTMINSTER,
} from '../support/factories.ts'

const FIRST = new Date(NOW.getTime() + 7 * DAY)
const LATER = new Date(NOW.getTime() + 14 * DAY)

let deps: TestDeps

/** Books `sessionId` as `email`; answers what the person holds: the booking id and its token. */
async function book(sessionId: string, email: string) {
  const { booking, manageToken } = await bookSession(deps, {
    sessionId,
    idempotencyKey: `key-${sessionId}-${email}`,
    person: makePerson({ email }),
  })
  return { id: booking.id, token: manageToken, status: booking.status }
}

const move = (held: { id: string; token: string }, toSessionId: string, idempotencyKey = 'move-1') =>
  moveBooking(deps, { bookingId: held.id, token: held.token, toSessionId, idempotencyKey })

const statusOf = async (id: string) => (await deps.bookings.getBooking(id))?.status
const held = async (sessionId: string) => (await deps.bookings.getSession(sessionId))?.heldCount
const emails = () => deps.bookings.outbox.map((m) => m.kind)

beforeEach(() => {
  deps = makeDeps()
  deps.bookings.putSession(makeSession({ id: 'first', startsAt: FIRST, capacity: 1 }))
  deps.bookings.putSession(makeSession({ id: 'later', startsAt: LATER, capacity: 1 }))
})

describe('moveBooking', () => {
  it('takes the new place, then cancels the old one and gives it to the first person waiting', async () => {
    const ada = await book('first', 'ada@example.org')
    const grace = await book('first', 'grace@example.org')
    deps.bookings.outbox.length = 0

    const moved = await move(ada, 'later')

    expect(moved.booking).toMatchObject({
      sessionId: 'later',
      status: 'confirmed',
      person: makePerson({ email: 'ada@example.org' }),
    })
    expect(moved.manageToken).not.toBe(ada.token)
    expect(await statusOf(ada.id)).toBe('cancelled')
    expect(await statusOf(grace.id)).toBe('confirmed')
    expect([await held('first'), await held('later')]).toEqual([1, 1])
    expect(emails()).toEqual(['booking-confirmed', 'booking-cancelled', 'booking-promoted'])
  })

  it('refuses to move a place onto a full date, and keeps the place', async () => {
    const ada = await book('first', 'ada@example.org')
    await book('later', 'grace@example.org')

    await expect(move(ada, 'later')).rejects.toMatchObject({
      code: 'invalid-transition',
      message: 'There are no places left on that date, so your booking has not changed.',
    })
    expect(await statusOf(ada.id)).toBe('confirmed')
    expect((await deps.bookings.getSession('later'))?.waitingCount).toBe(0)
  })

  it('keeps the place, and sends no email, when the last free place goes while moving', async () => {
    const ada = await book('first', 'ada@example.org')
    // Another person takes the last place between the check and the booking.
    const getSession = deps.bookings.getSession
    let reads = 0
    deps.bookings.getSession = async (id) => {
      const session = await getSession(id)
      if (id === 'later' && ++reads === 2) await book('later', 'grace@example.org')
      return session
    }
    deps.bookings.outbox.length = 0

    await expect(move(ada, 'later')).rejects.toMatchObject({ code: 'invalid-transition' })

    deps.bookings.getSession = getSession
    expect(await statusOf(ada.id)).toBe('confirmed')
    const later = await deps.bookings.getSession('later')
    expect({ held: later?.heldCount, waiting: later?.waitingCount }).toEqual({ held: 1, waiting: 0 })
    expect(emails()).toEqual(['booking-confirmed', 'booking-waitlisted'])
    const undone = deps.bookings.outbox.at(-1)?.bookingId ?? ''
    expect(await statusOf(undone)).toBe('cancelled')
  })

  it('lets someone waiting join the queue of another date', async () => {
    await book('first', 'holder@example.org')
    const ada = await book('first', 'ada@example.org')
    await book('later', 'grace@example.org')

    const moved = await move(ada, 'later')

    expect(moved).toMatchObject({ booking: { status: 'waiting' }, waitlistPosition: 1 })
    expect(await statusOf(ada.id)).toBe('cancelled')
  })

  it('answers the same new booking when the move is retried with its key', async () => {
    const ada = await book('first', 'ada@example.org')
    const first = await move(ada, 'later', 'move-7')
    const again = await move(ada, 'later', 'move-7')
    expect(again).toMatchObject({ replayed: true, booking: { id: first.booking.id, status: 'confirmed' } })
    expect(again.manageToken).toBe(first.manageToken)
  })

  it.each([
    ['the same date', 'first', 'Choose a date other than the one you have booked'],
    ['another course', 'other-course', 'Choose another date of the same course'],
    ['an unknown session', 'nope', 'Choose another date of the same course'],
  ])('refuses %s, naming the sessionId field', async (_case, target, message) => {
    deps.bookings.putSession(
      makeSession({ id: 'other-course', courseId: 'autism-awareness', startsAt: LATER }),
    )
    const ada = await book('first', 'ada@example.org')
    await expect(move(ada, target)).rejects.toMatchObject({
      code: 'validation-failed',
      fieldErrors: [{ field: 'sessionId', message }],
    })
    expect(await statusOf(ada.id)).toBe('confirmed')
  })

  it('refuses to move a cancelled booking, or with a wrong token', async () => {
    const ada = await book('first', 'ada@example.org')
    await expect(move({ ...ada, token: 'wrong' }, 'later')).rejects.toMatchObject({
      code: 'booking-not-found',
    })
    await cancelBooking(deps, ada.id, ada.token)
    await expect(move(ada, 'later')).rejects.toMatchObject({ code: 'invalid-transition' })
    expect(await held('later')).toBe(0)
  })

  it('refuses to move a place once the session has started', async () => {
    const ada = await book('first', 'ada@example.org')
    deps.clock.set(new Date(FIRST.getTime() + HOUR))
    await expect(move(ada, 'later')).rejects.toMatchObject({ code: 'cancellation-closed' })
    expect(await held('later')).toBe(0)
  })
})

describe('findMoveOptions', () => {
  const options = async (held: { id: string; token: string }) =>
    (await findMoveOptions({ ...deps, catalogue: deps.bookings }, held.id, held.token)).map((s) => s.id)

  it('lists the other dates of the course that take bookings and are open to the person’s LA', async () => {
    deps.bookings.putSession(makeSession({ id: 'leeds-only', startsAt: LATER, bespokeLaCodes: [LEEDS] }))
    deps.bookings.putSession(
      makeSession({ id: 'westminster-only', startsAt: LATER, bespokeLaCodes: [WESTMINSTER] }),
    )
    deps.bookings.putSession(makeSession({ id: 'called-off', startsAt: LATER, status: 'cancelled' }))
    deps.bookings.putSession(makeSession({ id: 'autism', courseId: 'autism-awareness', startsAt: LATER }))
    const ada = await book('first', 'ada@example.org')

    expect((await options(ada)).sort()).toEqual(['later', 'leeds-only'])
  })

  it('lists nothing for a booking that has ended', async () => {
    const ada = await book('first', 'ada@example.org')
    await cancelBooking(deps, ada.id, ada.token)
    expect(await options(ada)).toEqual([])
  })
})
