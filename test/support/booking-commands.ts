import {
  acceptOffer,
  type Booking,
  type BookingDeps,
  bookingClosesAt,
  bookingWindow,
  bookSession,
  cancelBooking,
  declineOffer,
  expireLapsedOffers,
  expireOffer,
  holdsPlace,
  isLive,
  normaliseEmail,
  placementFor,
  promoteFromWaitlist,
} from '@ey/domain'
import fc from 'fast-check'
import { expect } from 'vitest'
import { type BookingWorld, expectRefusal, personFor } from './booking-world.ts'
import { MINUTE } from './factories.ts'

/** What the generator needs to know; the truth lives in the adapter and is read back through the port. */
export interface Model {
  minutesToStart: number
}

type Command = fc.AsyncCommand<Model, BookingWorld>

/** A command; its name is read when fast-check reports it, so a scheduler's name shows the order it chose. */
function command(
  name: string | (() => string),
  run: Command['run'],
  check: Command['check'] = () => true,
): Command {
  return { check, run, toString: typeof name === 'string' ? () => name : name }
}

const statusOf = async (world: BookingWorld, id: string) => (await world.deps.bookings.getBooking(id))?.status

/** The `index`-th booking (modulo) among those `prefer` accepts, or among all when it accepts none. */
async function pick(world: BookingWorld, index: number, prefer?: (b: Booking) => boolean) {
  const all = await world.bookings()
  const preferred = prefer ? all.filter(prefer) : []
  const pool = preferred.length > 0 ? preferred : all
  return pool[index % Math.max(pool.length, 1)]
}

const isOffered = (b: Booking) => b.status === 'offered'
const lapsed = (b: Booking, now: Date) => b.offerExpiresAt !== undefined && new Date(b.offerExpiresAt) <= now

interface BookParams {
  email: number
  shouting: boolean
  earlier: { index: number; samePerson: boolean } | undefined
}

async function book(world: BookingWorld, p: BookParams): Promise<void> {
  const { deps, scenario } = world
  const earlier = p.earlier && world.requests[p.earlier.index % Math.max(world.requests.length, 1)]
  const email =
    earlier && p.earlier?.samePerson
      ? earlier.email
      : (scenario.emails[p.email % scenario.emails.length] ?? '')
  const person = personFor(email, p.shouting)
  const input = { sessionId: world.sessionId, idempotencyKey: earlier?.key ?? world.freshKey(), person }

  if (earlier) {
    if (email === earlier.email) {
      await expect(bookSession(deps, input)).resolves.toMatchObject({
        replayed: true,
        booking: { id: earlier.bookingId },
      })
    } else {
      await expect(bookSession(deps, input)).rejects.toMatchObject({ code: 'idempotency-key-reused' })
    }
    expect(await world.settle(), 'bookings made by a replay').toEqual([])
    return
  }

  const session = await world.session()
  const window = bookingWindow(session, deps.clock.now(), deps.policy)
  const live = (await world.bookings()).some((b) => isLive(b.status) && b.emailKey === normaliseEmail(email))
  const refusal =
    window === 'closed'
      ? 'booking-closed'
      : window === 'started'
        ? 'session-started'
        : live
          ? 'already-booked'
          : undefined
  if (refusal) {
    await expect(bookSession(deps, input)).rejects.toMatchObject({ code: refusal })
    expect(await world.settle(), 'bookings left by a refusal').toEqual([])
    return
  }
  const result = await bookSession(deps, input)
  expect(result.replayed).toBe(false)
  if (placementFor(session) === 'confirm') expect(result.booking.status).toBe('confirmed')
  else
    expect(result).toMatchObject({
      booking: { status: 'waiting' },
      waitlistPosition: session.waitingCount + 1,
    })
  world.requests.push({ key: input.idempotencyKey, email, bookingId: result.booking.id })
  expect(await world.settle()).toEqual([result.booking.id])
}

async function cancel(world: BookingWorld, index: number, liveOnly: boolean): Promise<void> {
  const { deps } = world
  const booking = await pick(world, index, liveOnly ? (b) => isLive(b.status) : undefined)
  if (booking) {
    const now = deps.clock.now()
    const attempt = cancelBooking(deps, booking.id, world.tokenOf(booking.id))
    if (booking.status === 'confirmed' && now >= world.start) {
      await expect(attempt).rejects.toMatchObject({ code: 'cancellation-closed' })
    } else {
      const late = now >= bookingClosesAt(await world.session(), deps.policy)
      const expected =
        booking.status === 'confirmed'
          ? late
            ? 'late-cancelled'
            : 'cancelled'
          : isLive(booking.status)
            ? 'cancelled'
            : booking.status
      await expect(attempt).resolves.toMatchObject({ booking: { status: expected } })
    }
  }
  expect(await world.settle()).toEqual([])
}

type OfferVerb = 'accept' | 'decline' | 'expire'

async function answerOffer(world: BookingWorld, verb: OfferVerb, index: number, offeredOnly: boolean) {
  const { deps } = world
  const booking = await pick(world, index, offeredOnly ? isOffered : undefined)
  if (booking) {
    const now = deps.clock.now()
    const token = world.tokenOf(booking.id)
    if (verb === 'expire') {
      await expireOffer(deps, booking)
      const expected = isOffered(booking) && lapsed(booking, now) ? 'expired' : booking.status
      expect(await statusOf(world, booking.id)).toBe(expected)
    } else if (verb === 'accept' && isOffered(booking) && !lapsed(booking, now)) {
      await expect(acceptOffer(deps, booking.id, token)).resolves.toMatchObject({
        booking: { status: 'confirmed' },
      })
    } else if (verb === 'decline' && isOffered(booking)) {
      await expect(declineOffer(deps, booking.id, token)).resolves.toMatchObject({
        booking: { status: 'declined' },
      })
    } else {
      const attempt =
        verb === 'accept' ? acceptOffer(deps, booking.id, token) : declineOffer(deps, booking.id, token)
      await expect(attempt).rejects.toMatchObject({ code: 'no-offer' })
    }
  }
  expect(await world.settle()).toEqual([])
}

/**
 * The scheduled job's pass: every lapsed offer of the run expires (the index agrees with the
 * bookings), its place passes on, and a second pass at the same time finds nothing more to do.
 */
async function expireLapsed(world: BookingWorld): Promise<void> {
  const now = world.deps.clock.now()
  const lapsedOffers = (await world.bookings()).filter((b) => isOffered(b) && lapsed(b, now)).map((b) => b.id)
  const report = await expireLapsedOffers(world.deps)
  expect(report.expired).toBeGreaterThanOrEqual(lapsedOffers.length)
  for (const id of lapsedOffers) expect(await statusOf(world, id)).toBe('expired')
  expect(
    (await world.bookings()).filter((b) => isOffered(b) && lapsed(b, now)).map((b) => b.id),
    'lapsed offers left after a pass',
  ).toEqual([])
  expect(await expireLapsedOffers(world.deps), 'a second pass').toMatchObject({ expired: 0, promoted: 0 })
  expect(await world.settle()).toEqual([])
}

/** One use case with no expectation of its outcome, for running several at once. */
type Action =
  | { kind: 'book'; email: number; shouting: boolean }
  | { kind: 'cancel' | OfferVerb; target: number }
  | { kind: 'promote' }
  | { kind: 'expireLapsed' }

async function perform(world: BookingWorld, deps: BookingDeps, action: Action): Promise<void> {
  const { sessionId } = world
  if (action.kind === 'promote') {
    await promoteFromWaitlist(deps, sessionId)
    return
  }
  if (action.kind === 'expireLapsed') {
    await expireLapsedOffers(deps)
    return
  }
  if (action.kind === 'book') {
    const email = world.scenario.emails[action.email % world.scenario.emails.length] ?? ''
    const idempotencyKey = world.freshKey()
    const result = await bookSession(deps, {
      sessionId,
      idempotencyKey,
      person: personFor(email, action.shouting),
    })
    // The answer may be out of date by the time it arrives, but never impossible.
    if (result.waitlistPosition !== undefined) expect(result.waitlistPosition).toBeGreaterThanOrEqual(1)
    if (!result.replayed) world.requests.push({ key: idempotencyKey, email, bookingId: result.booking.id })
    return
  }
  // Cancelling a place-holder frees a place; racing those frees is where promotions collide.
  const booking = await pick(
    world,
    action.target,
    action.kind === 'cancel' ? (b) => holdsPlace(b.status) : isOffered,
  )
  if (!booking) return
  const token = world.tokenOf(booking.id)
  if (action.kind === 'cancel') await cancelBooking(deps, booking.id, token)
  if (action.kind === 'accept') await acceptOffer(deps, booking.id, token)
  if (action.kind === 'decline') await declineOffer(deps, booking.id, token)
  if (action.kind === 'expire') await expireOffer(deps, booking)
}

/** Waits for every promise, letting the scheduler release the port's answers when races are scheduled. */
function settleAll<T>(world: BookingWorld, scheduler: fc.Scheduler, promises: Promise<T>[]) {
  const all = Promise.allSettled(promises)
  return world.scenario.scheduleRaces ? scheduler.waitFor(all) : all
}

/** Runs the actions at once; any may be refused, but the invariants must hold after all have returned. */
async function race(world: BookingWorld, actions: Action[], scheduler: fc.Scheduler): Promise<void> {
  const deps = world.raceDeps(scheduler)
  const outcomes = await settleAll(
    world,
    scheduler,
    actions.map((action) => perform(world, deps, action)),
  )
  const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [expectRefusal(o.reason)] : []))
  if (refusals.some((r) => r.code === 'service-busy')) {
    // A write that gave up may have freed a place without passing it on; the next promotion on the
    // session fills it (here, this one).
    await promoteFromWaitlist(world.deps, world.sessionId)
  }
  await world.settle()
}

/** The same new request sent twice at once (a double click): one booking, answered to both. */
async function doubleSubmit(world: BookingWorld, email: number, scheduler: fc.Scheduler): Promise<void> {
  const address = world.scenario.emails[email % world.scenario.emails.length] ?? ''
  const input = {
    sessionId: world.sessionId,
    idempotencyKey: world.freshKey(),
    person: personFor(address, false),
  }
  const deps = world.raceDeps(scheduler)
  const outcomes = await settleAll(world, scheduler, [bookSession(deps, input), bookSession(deps, input)])
  const answered: Awaited<ReturnType<typeof bookSession>>[] = []
  for (const o of outcomes) {
    if (o.status === 'fulfilled') answered.push(o.value)
    else expectRefusal(o.reason)
  }
  const ids = new Set(answered.map((r) => r.booking.id))
  expect(ids.size, 'bookings answered to one request').toBeLessThanOrEqual(1)
  expect(answered.filter((r) => !r.replayed).length).toBeLessThanOrEqual(1)
  const [id] = ids
  if (id) world.requests.push({ key: input.idempotencyKey, email: address, bookingId: id })
  const made = await world.settle()
  expect(made.length, 'bookings made by one request sent twice').toBeLessThanOrEqual(1)
  if (answered.some((r) => !r.replayed)) expect(made).toEqual([id])
  else if (id) expect(made.filter((m) => m !== id)).toEqual([])
}

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('book' as const), email: fc.nat(), shouting: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('cancel', 'accept', 'decline', 'expire'), target: fc.nat() }),
  fc.constantFrom({ kind: 'promote' as const }, { kind: 'expireLapsed' as const }),
)

const bookArb = fc
  .record({
    email: fc.nat(),
    shouting: fc.boolean(),
    earlier: fc.option(fc.record({ index: fc.nat(), samePerson: fc.boolean() }), { nil: undefined, freq: 4 }),
  })
  .map((p) => command(`book(${JSON.stringify(p)})`, (_, world) => book(world, p)))

/** Every command of the model, booking weighted up so that sessions fill. */
export const commandArbs: fc.Arbitrary<Command>[] = [
  bookArb,
  bookArb,
  bookArb,
  bookArb,
  fc
    .record({ n: fc.nat(), liveOnly: fc.boolean() })
    .map(({ n, liveOnly }) =>
      command(`cancel(${n}, liveOnly: ${liveOnly})`, (_, world) => cancel(world, n, liveOnly)),
    ),
  fc
    .record({
      verb: fc.constantFrom<OfferVerb>('accept', 'decline', 'expire'),
      n: fc.nat(),
      offeredOnly: fc.boolean(),
    })
    .map(({ verb, n, offeredOnly }) =>
      command(`${verb}(${n}, offeredOnly: ${offeredOnly})`, (_, world) =>
        answerOffer(world, verb, n, offeredOnly),
      ),
    ),
  fc.constant(command('expireLapsed', (_, world) => expireLapsed(world))),
  fc.constant(
    command('promote', async (_, world) => {
      expect(await promoteFromWaitlist(world.deps, world.sessionId), 'places left to fill').toBe(0)
      await world.settle()
    }),
  ),
  fc
    .oneof(fc.constantFrom(1, 59, 60, 61, 240, 24 * 60), fc.integer({ min: 1, max: 18 * 60 }))
    .map((minutes) =>
      command(
        `advance(${minutes} min)`,
        async (model, world) => {
          world.deps.clock.advance(minutes * MINUTE)
          model.minutesToStart -= minutes
          await world.settle()
        },
        // Past the start nothing changes any more; stop moving time soon after it.
        (model) => model.minutesToStart > -120,
      ),
    ),
  fc
    .record({ actions: fc.array(actionArb, { minLength: 2, maxLength: 4 }), scheduler: fc.scheduler() })
    .map(({ actions, scheduler }) =>
      command(
        () => `race(${JSON.stringify(actions)}, ${scheduler})`,
        (_, world) => race(world, actions, scheduler),
      ),
    ),
  fc.record({ n: fc.nat(), scheduler: fc.scheduler() }).map(({ n, scheduler }) =>
    command(
      () => `doubleSubmit(${n}, ${scheduler})`,
      (_, world) => doubleSubmit(world, n, scheduler),
    ),
  ),
]
