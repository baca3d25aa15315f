import { bookSession, cancelBooking, openBooking, type Session, ValidationError } from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  HOUR,
  LEEDS,
  makeDeps,
  makePerson,
  makeSession,
  type TestDeps,
  WESTMINSTER,
} from '../support/factories.ts'

const START = new Date('2026-03-16T16:00:00.000Z')

function book(deps: TestDeps, email: string, idempotencyKey = `key-${email}`, sessionId = 'session-1') {
  return bookSession(deps, { sessionId, idempotencyKey, person: makePerson({ email }) })
}

describe('bookSession', () => {
  let deps: TestDeps

  beforeEach(() => {
    deps = makeDeps()
    deps.bookings.putSession(makeSession({ capacity: 2, startsAt: START }))
  })

  it('confirms a place while one is free and sends the confirmation email', async () => {
    const result = await book(deps, '  Ada@Example.ORG ')

    expect(result).toMatchObject({
      replayed: false,
      booking: { status: 'confirmed', emailKey: 'ada@example.org' },
    })
    expect(result.waitlistPosition).toBeUndefined()
    expect(result.booking.session).toMatchObject({ title: 'Speech, language and communication: core' })
    expect(await deps.bookings.getSession('session-1')).toMatchObject({ heldCount: 1, waitingCount: 0 })
    expect(deps.bookings.outbox).toEqual([
      expect.objectContaining({ kind: 'booking-confirmed', bookingId: result.booking.id }),
    ])
  })

  it('gives a manage token that opens the booking', async () => {
    const { booking, manageToken } = await book(deps, 'ada@example.org')
    await expect(openBooking(deps, booking.id, manageToken)).resolves.toMatchObject({
      booking: { id: booking.id },
    })
  })

  it('puts people on the waiting list in arrival order once the session is full', async () => {
    await book(deps, 'a@example.org')
    await book(deps, 'b@example.org')

    const third = await book(deps, 'c@example.org')
    const fourth = await book(deps, 'd@example.org')

    expect([third.booking.status, fourth.booking.status]).toEqual(['waiting', 'waiting'])
    expect([third.waitlistPosition, fourth.waitlistPosition]).toEqual([1, 2])
    expect(await deps.bookings.getSession('session-1')).toMatchObject({ heldCount: 2, waitingCount: 2 })
    expect(deps.bookings.outbox.at(-1)).toMatchObject({
      kind: 'booking-waitlisted',
      bookingId: fourth.booking.id,
    })
  })

  it('refuses a second live booking by the same person, whatever the case of the email', async () => {
    await book(deps, 'ada@example.org')
    await expect(book(deps, 'ADA@example.org ', 'another-key')).rejects.toMatchObject({
      code: 'already-booked',
    })
    expect(deps.bookings.bookingsOf('session-1')).toHaveLength(1)
  })

  it('refuses a person already on the waiting list too', async () => {
    await book(deps, 'a@example.org')
    await book(deps, 'b@example.org')
    await book(deps, 'c@example.org')
    await expect(book(deps, 'c@example.org', 'retry-with-new-key')).rejects.toMatchObject({
      code: 'already-booked',
    })
  })

  it('answers a repeated request with the booking it made the first time, without a second email', async () => {
    const first = await book(deps, 'ada@example.org', 'double-click')
    const again = await book(deps, 'ada@example.org', 'double-click')

    expect(again).toEqual({ ...first, replayed: true })
    expect(deps.bookings.bookingsOf('session-1')).toHaveLength(1)
    expect(deps.bookings.outbox).toHaveLength(1)
  })

  it('answers simultaneous repeats of one request with one booking', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => book(deps, 'ada@example.org', 'k')))
    expect(new Set(results.map((r) => r.booking.id)).size).toBe(1)
    expect(results.filter((r) => !r.replayed)).toHaveLength(1)
    expect(await deps.bookings.getSession('session-1')).toMatchObject({ heldCount: 1 })
  })

  it('answers a retried request even after bookings have closed', async () => {
    const first = await book(deps, 'ada@example.org', 'late-retry')
    deps.clock.set(new Date(START.getTime() - 30 * 60_000))
    await expect(book(deps, 'ada@example.org', 'late-retry')).resolves.toMatchObject({
      replayed: true,
      booking: { id: first.booking.id },
    })
  })

  it('refuses an Idempotency-Key reused for a different request', async () => {
    await book(deps, 'ada@example.org', 'shared-key')
    await expect(book(deps, 'grace@example.org', 'shared-key')).rejects.toMatchObject({
      code: 'idempotency-key-reused',
    })
  })

  it('lets a person book again after cancelling', async () => {
    const { booking } = await book(deps, 'ada@example.org')
    await deps.bookings.changeStatus({
      bookingId: booking.id,
      from: 'confirmed',
      to: 'cancelled',
      by: 'test',
      at: deps.clock.now(),
    })
    await expect(book(deps, 'ada@example.org', 'second-try')).resolves.toMatchObject({
      booking: { status: 'confirmed' },
    })
  })

  it('names the local authority field when the code is not a known LA', async () => {
    const attempt = bookSession(deps, {
      sessionId: 'session-1',
      idempotencyKey: 'k',
      person: makePerson({ laCode: 'E06999999' }),
    })
    await expect(attempt).rejects.toBeInstanceOf(ValidationError)
    await expect(attempt).rejects.toMatchObject({ fieldErrors: [{ field: 'laCode' }] })
  })

  it.each<[string, string, Partial<Session>, string]>([
    ['an unknown session', 'nowhere', {}, 'session-not-found'],
    ['a draft session, as if it did not exist', 'draft', { status: 'draft' }, 'session-not-found'],
    ['a cancelled session', 'cancelled', { status: 'cancelled' }, 'session-cancelled'],
    ['a session for another LA', 'bespoke', { bespokeLaCodes: [WESTMINSTER] }, 'bespoke-session'],
    ['a session not open yet', 'later', { bookingOpensAt: '2026-03-09T09:00:00.000Z' }, 'booking-not-open'],
  ])('refuses %s', async (_, id, overrides, code) => {
    if (id !== 'nowhere') deps.bookings.putSession(makeSession({ ...overrides, id, startsAt: START }))
    await expect(book(deps, 'ada@example.org', 'k', id)).rejects.toMatchObject({ code })
    expect(deps.bookings.outbox).toEqual([])
  })

  it.each([
    ['once bookings have closed', -HOUR, 'booking-closed'],
    ['once the session has started', 0, 'session-started'],
  ])('refuses a booking %s', async (_, offset, code) => {
    deps.clock.set(new Date(START.getTime() + offset))
    await expect(book(deps, 'ada@example.org')).rejects.toMatchObject({ code })
  })

  it('lets a person from a named LA book a bespoke session', async () => {
    deps.bookings.putSession(makeSession({ id: 'bespoke', bespokeLaCodes: [LEEDS], startsAt: START }))
    await expect(book(deps, 'ada@example.org', 'k', 'bespoke')).resolves.toMatchObject({
      booking: { status: 'confirmed' },
    })
  })

  describe('when a place was freed and its promotion has not run yet', () => {
    async function freeAPlaceWithoutPromoting() {
      const a = await book(deps, 'a@example.org')
      await book(deps, 'b@example.org')
      const waiting = await book(deps, 'c@example.org')
      await deps.bookings.changeStatus({
        bookingId: a.booking.id,
        from: 'confirmed',
        to: 'cancelled',
        by: 'test',
        at: deps.clock.now(),
      })
      return waiting
    }

    it('does not let a newcomer jump the queue: the first waiting gets the place', async () => {
      const waiting = await freeAPlaceWithoutPromoting()

      const newcomer = await book(deps, 'd@example.org')

      expect(newcomer).toMatchObject({ booking: { status: 'waiting' }, waitlistPosition: 1 })
      expect(await deps.bookings.getBooking(waiting.booking.id)).toMatchObject({ status: 'confirmed' })
      expect(await deps.bookings.getSession('session-1')).toMatchObject({ heldCount: 2, waitingCount: 1 })
    })

    it('gives the newcomer the place when it was freed while they joined the queue', async () => {
      const first = await book(deps, 'a@example.org')
      await book(deps, 'b@example.org')
      const { bookings } = deps
      const racing: TestDeps = {
        ...deps,
        bookings: {
          ...bookings,
          async placeBooking(request) {
            const placed = await bookings.placeBooking(request)
            await bookings.changeStatus({
              bookingId: first.booking.id,
              from: 'confirmed',
              to: 'cancelled',
              by: 'participant',
              at: deps.clock.now(),
            })
            return placed
          },
        },
      }

      const newcomer = await book(racing, 'c@example.org')

      expect(newcomer).toMatchObject({ booking: { status: 'confirmed' }, replayed: false })
      expect(newcomer.waitlistPosition).toBeUndefined()
      expect(await deps.bookings.getSession('session-1')).toMatchObject({ heldCount: 2, waitingCount: 0 })
      expect(deps.bookings.outbox.map((m) => m.kind)).toEqual([
        'booking-confirmed',
        'booking-confirmed',
        'booking-waitlisted',
        'booking-promoted',
      ])
    })

    it("answers with the place another caller's promotion gave, never a queue position of 0", async () => {
      const first = await book(deps, 'a@example.org')
      await book(deps, 'b@example.org')
      const { bookings } = deps
      const racing: TestDeps = {
        ...deps,
        bookings: {
          ...bookings,
          async placeBooking(request) {
            const placed = await bookings.placeBooking(request)
            await cancelBooking(deps, first.booking.id, first.manageToken)
            return placed
          },
        },
      }

      const newcomer = await book(racing, 'c@example.org')

      expect(newcomer.booking.status).toBe('confirmed')
      expect(newcomer.waitlistPosition).toBeUndefined()
    })
  })
})
