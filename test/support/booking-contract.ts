import { randomUUID } from 'node:crypto'
import {
  type Booking,
  type BookingRepository,
  normaliseEmail,
  type PlaceBookingRequest,
  type Session,
  snapshotOf,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commandArbs, type Model } from './booking-commands.ts'
import { type ContractSubject, createBookingWorld, type Scenario } from './booking-world.ts'
import { DAY, makePerson, makeSession, NOW } from './factories.ts'

export type { ContractSubject } from './booking-world.ts'

export interface ContractOptions {
  /** Random command sequences to try; each makes one session of its own. */
  numRuns: number
  /** Longest sequence of commands in one run (default 30). */
  maxCommands?: number
  /** Time limit of the property test (default 120 s). */
  timeoutMs?: number
  /**
   * Stop starting new runs after this long (fast-check's `interruptAfterTimeLimit`): the runs done
   * by then must all pass, and a run against a real engine on a busy machine cannot time the test out.
   */
  runTimeLimitMs?: number
  /**
   * Let fast-check choose (and shrink) the order in which the answers of concurrent port calls arrive.
   * Needed by an in-process adapter, whose calls would otherwise answer in lock-step and never really
   * interleave; optional for an adapter over the network, where real timing interleaves them too.
   */
  scheduleRaces?: boolean
  /** Replays a failing run reported by fast-check. */
  seed?: number
}

const NAMES = ['ada', 'grace', 'mary', 'sophie', 'ann', 'hedy', 'rosalind', 'dorothy']

// One to three people more than there are places, so that sessions fill and queues form.
const scenarioArb = (scheduleRaces: boolean): fc.Arbitrary<Scenario> =>
  fc
    .record({
      capacity: fc.integer({ min: 1, max: 5 }),
      extra: fc.integer({ min: 1, max: 3 }),
      // Half the runs start within a day (places are offered), half before it (places are given).
      startsInMinutes: fc.oneof(
        fc.integer({ min: 90, max: 24 * 60 }),
        fc.integer({ min: 24 * 60, max: 3 * 24 * 60 }),
      ),
    })
    .map(({ capacity, extra, startsInMinutes }) => ({
      scheduleRaces,
      capacity,
      startsInMinutes,
      emails: NAMES.slice(0, capacity + extra).map((name) => `${name}@example.org`),
    }))

/**
 * The contract every `BookingRepository` must honour: examples of the port's documented answers, then
 * random sequences (and races) of book / cancel / accept / decline / expire / promote run through the use
 * cases, with every invariant checked after each step. `makeRepository` is called once per test and
 * per run; it may hand back the same repository each time, as every test uses session ids of its own.
 */
export function describeBookingRepositoryContract(
  name: string,
  makeRepository: () => Promise<ContractSubject>,
  options: ContractOptions,
): void {
  describe(`${name}: the booking repository contract`, () => {
    describePortExamples(makeRepository)

    it(
      'keeps capacity, counters, queue order, one live booking per person and idempotency through any sequence',
      async () => {
        await fc.assert(
          fc.asyncProperty(
            scenarioArb(options.scheduleRaces ?? false),
            fc.commands(commandArbs, { maxCommands: options.maxCommands ?? 30, size: 'max' }),
            async (scenario, commands) => {
              const world = await createBookingWorld(await makeRepository(), scenario)
              const model: Model = { minutesToStart: scenario.startsInMinutes }
              await fc.asyncModelRun(() => ({ model, real: world }), commands)
            },
          ),
          {
            numRuns: options.numRuns,
            ...(options.runTimeLimitMs === undefined
              ? {}
              : { interruptAfterTimeLimit: options.runTimeLimitMs }),
            ...(options.seed === undefined ? {} : { seed: options.seed }),
          },
        )
      },
      options.timeoutMs ?? 120_000,
    )
  })
}

function describePortExamples(makeRepository: () => Promise<ContractSubject>): void {
  async function arrange(overrides: Partial<Session> = {}) {
    const { repo, putSession } = await makeRepository()
    const prefix = `p${randomUUID().slice(0, 8)}`
    const session = makeSession({
      id: `${prefix}-s`,
      capacity: 1,
      startsAt: new Date(NOW.getTime() + 14 * DAY),
    })
    await putSession({ ...session, ...overrides })
    let n = 0
    /** A placement request for a new booking by `email`, under its own idempotency key unless given one. */
    const request = (email: string, key = `${prefix}-k${n + 1}`): PlaceBookingRequest => {
      const id = `${prefix}-b${++n}`
      const at = new Date(NOW.getTime() + n * 1000).toISOString()
      const booking: Booking = {
        id,
        reference: 'ABCD-EFGH',
        sessionId: session.id,
        status: 'confirmed',
        person: makePerson({ email }),
        emailKey: normaliseEmail(email),
        manageTokenHash: 'not-a-real-hash',
        session: snapshotOf(session),
        createdAt: at,
        updatedAt: at,
        history: [],
      }
      return { booking, idempotency: { key, fingerprint: `body-of-${normaliseEmail(email)}` }, outbox: {} }
    }
    const counters = async () => {
      const stored = await repo.getSession(session.id)
      return { held: stored?.heldCount, waiting: stored?.waitingCount }
    }
    const place = async (email: string) => (await repo.placeBooking(request(email))).booking
    const change = (booking: Booking, from: Booking['status'], to: Booking['status'], extra = {}) =>
      repo.changeStatus({
        bookingId: booking.id,
        from,
        to,
        by: 'test',
        at: new Date(NOW.getTime() + DAY),
        ...extra,
      })
    return { repo, session, request, counters, place, change }
  }

  const positions = (repo: BookingRepository, bookings: Booking[]) =>
    Promise.all(bookings.map((b) => repo.waitlistPosition(b)))

  describe('placeBooking', () => {
    it('confirms while a place is free, then queues people with rising tickets', async () => {
      const { repo, session, counters, place } = await arrange()
      const a = await place('a@example.org')
      const b = await place('b@example.org')
      const c = await place('c@example.org')

      expect(a).toMatchObject({
        status: 'confirmed',
        history: [{ from: null, to: 'confirmed', at: a.createdAt }],
      })
      expect(a.waitlistTicket).toBeUndefined()
      expect([b.status, c.status]).toEqual(['waiting', 'waiting'])
      expect(c.waitlistTicket ?? 0).toBeGreaterThan(b.waitlistTicket ?? Number.POSITIVE_INFINITY)
      expect(await counters()).toEqual({ held: 1, waiting: 2 })
      expect(await positions(repo, [a, b, c])).toEqual([undefined, 1, 2])
      expect((await repo.firstWaiting(session.id))?.id).toBe(b.id)
      expect(await repo.getBooking(c.id)).toEqual(c)
    })

    it('queues a newcomer behind the people waiting even when a place has just come free', async () => {
      const { repo, session, counters, place, change } = await arrange()
      const a = await place('a@example.org')
      const b = await place('b@example.org')
      await change(a, 'confirmed', 'cancelled')

      const c = await place('c@example.org')

      expect(c.status).toBe('waiting')
      expect(await counters()).toEqual({ held: 0, waiting: 2 })
      expect((await repo.firstWaiting(session.id))?.id).toBe(b.id)
    })

    it('refuses a second live booking by the same person and stores nothing', async () => {
      const { repo, counters, place, request } = await arrange({ capacity: 3 })
      await place('ada@example.org')
      const second = request('ADA@example.org')
      await expect(repo.placeBooking(second)).rejects.toMatchObject({ code: 'already-booked' })
      expect(await repo.getBooking(second.booking.id)).toBeUndefined()
      expect(await counters()).toEqual({ held: 1, waiting: 0 })
    })

    it('answers a replayed idempotency key with the first booking and stores nothing more', async () => {
      const { repo, session, counters, request } = await arrange({ capacity: 3 })
      const first = await repo.placeBooking(request('ada@example.org', 'same-key'))
      const retry = request('ada@example.org', 'same-key')

      await expect(repo.placeBooking(retry)).resolves.toEqual({ booking: first.booking, replayed: true })
      await expect(repo.findReplay(session.id, retry.idempotency)).resolves.toEqual(first.booking)
      await expect(repo.findReplay(session.id, { key: 'unseen', fingerprint: 'x' })).resolves.toBeUndefined()
      expect(await repo.getBooking(retry.booking.id)).toBeUndefined()
      expect(await counters()).toEqual({ held: 1, waiting: 0 })
    })

    it('refuses a known idempotency key sent with another request', async () => {
      const { repo, session, request } = await arrange({ capacity: 3 })
      await repo.placeBooking(request('ada@example.org', 'same-key'))
      const other = request('grace@example.org', 'same-key')
      await expect(repo.placeBooking(other)).rejects.toMatchObject({ code: 'idempotency-key-reused' })
      await expect(repo.findReplay(session.id, other.idempotency)).rejects.toMatchObject({
        code: 'idempotency-key-reused',
      })
    })

    it.each([
      ['a cancelled session', { status: 'cancelled' }, 'session-cancelled'],
      ['a draft session', { status: 'draft' }, 'session-not-published'],
    ] as const)('refuses %s', async (_, overrides, code) => {
      const { repo, request } = await arrange(overrides)
      await expect(repo.placeBooking(request('ada@example.org'))).rejects.toMatchObject({ code })
    })

    it('refuses a session that does not exist', async () => {
      const { repo, request } = await arrange()
      const orphan = request('ada@example.org')
      orphan.booking.sessionId = `${orphan.booking.sessionId}-missing`
      await expect(repo.placeBooking(orphan)).rejects.toMatchObject({ code: 'session-not-found' })
    })
  })

  describe('offersDueBy', () => {
    it('lists an offer from its deadline on, soonest first, until it leaves offered', async () => {
      const { repo, session, place, change } = await arrange({ capacity: 2 })
      const [a, b] = [await place('a@example.org'), await place('b@example.org')]
      const [c, d] = [await place('c@example.org'), await place('d@example.org')]
      await change(a, 'confirmed', 'cancelled')
      await change(b, 'confirmed', 'cancelled')
      const sooner = new Date(NOW.getTime() + DAY + 3_600_000)
      const later = new Date(NOW.getTime() + DAY + 4 * 3_600_000)
      await change(c, 'waiting', 'offered', { offerExpiresAt: later })
      const offeredD = await change(d, 'waiting', 'offered', { offerExpiresAt: sooner })
      const due = async (at: Date) =>
        (await repo.offersDueBy(at))
          .filter((offer) => offer.sessionId === session.id)
          .map((offer) => offer.id)

      expect(await due(new Date(sooner.getTime() - 1))).toEqual([])
      expect(await due(sooner)).toEqual([d.id])
      expect(await due(later)).toEqual([d.id, c.id])
      expect((await repo.offersDueBy(sooner)).find((offer) => offer.id === d.id)).toEqual(offeredD)

      await change(c, 'offered', 'confirmed')
      expect(await due(later)).toEqual([d.id])
      await change(d, 'offered', 'expired')
      expect(await due(new Date(later.getTime() + 365 * DAY))).toEqual([])
    })
  })

  describe('changeLaSharing', () => {
    it('sets the answer and appends it to the history (none before), only while the booking says the opposite', async () => {
      const { repo, place } = await arrange()
      const booking = await place('a@example.org')
      const entry = { agreed: false, at: new Date(NOW.getTime() + DAY).toISOString(), noticeVersion: 'v1' }
      const withdrawn = await repo.changeLaSharing(booking.id, entry)
      expect(withdrawn).toMatchObject({
        person: { shareWithLa: false },
        laSharing: [entry],
        updatedAt: entry.at,
      })
      expect(await repo.getBooking(booking.id)).toEqual(withdrawn)
      await expect(repo.changeLaSharing(booking.id, entry)).rejects.toMatchObject({
        code: 'invalid-transition',
      })
      await expect(repo.changeLaSharing('no-such-booking', entry)).rejects.toMatchObject({
        code: 'invalid-transition',
      })
      expect((await repo.getBooking(booking.id))?.laSharing).toEqual([entry])
    })
  })

  describe('changeStatus', () => {
    it('applies a transition with its counter changes, history and offer expiry', async () => {
      const { repo, session, counters, place, change } = await arrange()
      const a = await place('a@example.org')
      const b = await place('b@example.org')

      const cancelled = await change(a, 'confirmed', 'cancelled')
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        history: [{ to: 'confirmed' }, { from: 'confirmed', to: 'cancelled', by: 'test' }],
      })
      expect(await counters()).toEqual({ held: 0, waiting: 1 })

      const expiry = new Date(NOW.getTime() + DAY + 4 * 3_600_000)
      const offered = await change(b, 'waiting', 'offered', { offerExpiresAt: expiry })
      expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: expiry.toISOString() })
      expect(await repo.getBooking(b.id)).toEqual(offered)
      expect(await counters()).toEqual({ held: 1, waiting: 0 })
      expect(await repo.waitlistPosition(offered)).toBeUndefined()
      expect(await repo.firstWaiting(session.id)).toBeUndefined()

      const confirmed = await change(b, 'offered', 'confirmed')
      expect(confirmed.offerExpiresAt).toBeUndefined()
      expect((await repo.getBooking(b.id))?.offerExpiresAt).toBeUndefined()
    })

    it('keeps the place and counters as the register moves a booking between confirmed, attended and no-show', async () => {
      const { repo, counters, place, change, request } = await arrange({ capacity: 2 })
      const a = await place('a@example.org')
      for (const [from, to] of [
        ['confirmed', 'attended'],
        ['attended', 'confirmed'],
        ['confirmed', 'no-show'],
        ['no-show', 'confirmed'],
      ] as const) {
        await expect(change(a, from, to)).resolves.toMatchObject({ status: to })
        expect(await counters()).toEqual({ held: 1, waiting: 0 })
      }
      await expect(repo.placeBooking(request('A@example.org'))).rejects.toMatchObject({
        code: 'already-booked',
      })
    })

    it('frees the person to book again once the booking has ended', async () => {
      const { repo, counters, place, change, request } = await arrange()
      await change(await place('ada@example.org'), 'confirmed', 'cancelled')
      await expect(repo.placeBooking(request('ada@example.org'))).resolves.toMatchObject({
        booking: { status: 'confirmed' },
      })
      expect(await counters()).toEqual({ held: 1, waiting: 0 })
    })

    it.each([
      ['the booking is no longer in the stated status', 'waiting', 'cancelled'],
      ['the state machine forbids the change', 'confirmed', 'waiting'],
    ] as const)('answers invalid-transition and changes nothing when %s', async (_, from, to) => {
      const { repo, counters, place, change } = await arrange()
      const a = await place('a@example.org')
      await expect(change(a, from, to)).rejects.toMatchObject({ code: 'invalid-transition' })
      expect(await repo.getBooking(a.id)).toEqual(a)
      expect(await counters()).toEqual({ held: 1, waiting: 0 })
    })

    it('refuses to take a place when none is free', async () => {
      const { repo, counters, place, change } = await arrange()
      await place('a@example.org')
      const b = await place('b@example.org')
      await expect(change(b, 'waiting', 'confirmed')).rejects.toMatchObject({ code: 'invalid-transition' })
      expect((await repo.getBooking(b.id))?.status).toBe('waiting')
      expect(await counters()).toEqual({ held: 1, waiting: 1 })
    })

    it('answers booking-not-found for an unknown booking', async () => {
      const { repo } = await arrange()
      await expect(
        repo.changeStatus({
          bookingId: 'no-such-booking',
          from: 'waiting',
          to: 'cancelled',
          by: 'test',
          at: NOW,
        }),
      ).rejects.toMatchObject({ code: 'booking-not-found' })
    })
  })
}
