import { randomUUID } from 'node:crypto'
import {
  type Booking,
  type BookingDeps,
  type BookingRepository,
  DEFAULT_POLICY,
  DomainError,
  holdsPlace,
  isLive,
  normaliseEmail,
  type Person,
  placesLeft,
  promotionMode,
  type Session,
  sessionStart,
} from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, sha256Fingerprints } from '@ey/runtime'
import type fc from 'fast-check'
import { expect } from 'vitest'
import {
  type FakeClock,
  fakeClock,
  MINUTE,
  makePerson,
  makeSession,
  NOW,
  sequentialIds,
} from './factories.ts'

/** What a contract run needs of an adapter: the port, and a way to store a new session. */
export interface ContractSubject {
  repo: BookingRepository
  putSession(session: Session): Promise<void>
}

/** The random set-up of one run. */
export interface Scenario {
  /** Let fast-check choose the order in which concurrent port calls answer (see `ContractOptions`). */
  scheduleRaces: boolean
  capacity: number
  startsInMinutes: number
  /** The people who book, by email address; several runs of a command may pick the same one. */
  emails: readonly string[]
}

/** A booking request that was answered with a new booking, kept so that it can be replayed. */
export interface AnsweredRequest {
  key: string
  /** The address as the scenario lists it; the request may have written it in capitals. */
  email: string
  bookingId: string
}

interface Known {
  id: string
  /** The step in which the booking first appeared: arrival order across steps. */
  arrival: number
}

/** One run's world: the use cases wired to the adapter under test, and what the run has seen. */
export interface BookingWorld {
  deps: BookingDeps & { clock: FakeClock }
  sessionId: string
  start: Date
  scenario: Scenario
  requests: AnsweredRequest[]
  /** A new Idempotency-Key, unique in the run. */
  freshKey(): string
  /**
   * The dependencies to race with: the port as it is, or, when the scenario schedules races, with
   * every answer held back until the scheduler lets it through.
   */
  raceDeps(scheduler: fc.Scheduler): BookingDeps
  /** The manage token the person holds for a booking (tokens are derived, so any booking's can be made). */
  tokenOf(bookingId: string): string
  session(): Promise<Session>
  /** Every booking of the run, read again now, in arrival order. */
  bookings(): Promise<Booking[]>
  /**
   * Finds the bookings made since the last call (by every id the id source handed out, so none can
   * hide), checks every invariant, and returns the ids of the new bookings.
   */
  settle(): Promise<string[]>
}

let runs = 0

/** Stores a new session for the scenario under an id no other run uses, and wires the use cases to it. */
export async function createBookingWorld(
  subject: ContractSubject,
  scenario: Scenario,
): Promise<BookingWorld> {
  // Ids must be unique across runs: an adapter may hand every run the same table.
  const prefix = `c${++runs}${randomUUID().slice(0, 8)}`
  const sequential = sequentialIds(prefix)
  let issued: string[] = []
  const ids = {
    newId: () => {
      const id = sequential.newId()
      issued.push(id)
      return id
    },
    newReference: sequential.newReference,
    newAttendanceCode: sequential.newAttendanceCode,
  }
  const start = new Date(NOW.getTime() + scenario.startsInMinutes * MINUTE)
  const sessionId = `${prefix}-session`
  await subject.putSession(makeSession({ id: sessionId, capacity: scenario.capacity, startsAt: start }))
  const deps = {
    bookings: subject.repo,
    clock: fakeClock(NOW),
    ids,
    fingerprints: sha256Fingerprints,
    tokens: hmacTokens('x'.repeat(32)),
    las: localAuthorities,
    policy: DEFAULT_POLICY,
  }
  const known: Known[] = []
  let step = 0
  let keys = 0

  async function session(): Promise<Session> {
    const stored = await subject.repo.getSession(sessionId)
    if (!stored) throw new Error('the session disappeared')
    return stored
  }

  async function bookings(): Promise<Booking[]> {
    return Promise.all(
      known.map(async ({ id }) => {
        const booking = await subject.repo.getBooking(id)
        if (!booking) throw new Error(`booking ${id} disappeared`)
        return booking
      }),
    )
  }

  async function discover(): Promise<string[]> {
    const candidates = issued
    issued = []
    const found = await Promise.all(candidates.map((id) => subject.repo.getBooking(id)))
    const fresh = found.filter((b): b is Booking => b !== undefined && b.sessionId === sessionId)
    known.push(...fresh.map((b) => ({ id: b.id, arrival: step })))
    return fresh.map((b) => b.id)
  }

  async function checkInvariants(): Promise<void> {
    const stored = await session()
    const all = await bookings()
    const held = all.filter((b) => holdsPlace(b.status))
    expect(held.length, 'places held').toBeLessThanOrEqual(stored.capacity)
    expect(stored.heldCount, "the session's heldCount").toBe(held.length)

    // Arrival order: the step a booking appeared in; within one step (a race) only its ticket can tell.
    const arrival = new Map(known.map((k) => [k.id, k.arrival]))
    const waiting = all
      .filter((b) => b.status === 'waiting')
      .sort(
        (a, b) =>
          (arrival.get(a.id) ?? 0) - (arrival.get(b.id) ?? 0) ||
          (a.waitlistTicket ?? 0) - (b.waitlistTicket ?? 0),
      )
    expect(stored.waitingCount, "the session's waitingCount").toBe(waiting.length)
    const positions = await Promise.all(waiting.map((b) => subject.repo.waitlistPosition(b)))
    expect(positions, 'waiting list positions in arrival order').toEqual(waiting.map((_, n) => n + 1))
    expect((await subject.repo.firstWaiting(sessionId))?.id, 'the first waiting').toBe(waiting[0]?.id)

    if (promotionMode(stored, deps.clock.now(), deps.policy) !== 'none' && placesLeft(stored) > 0) {
      expect(
        waiting.map((b) => b.id),
        'people waiting while a place is free',
      ).toEqual([])
    }

    const liveByPerson = new Map<string, number>()
    for (const b of all.filter((b) => isLive(b.status))) {
      liveByPerson.set(b.emailKey, (liveByPerson.get(b.emailKey) ?? 0) + 1)
    }
    expect(
      [...liveByPerson.values()].filter((n) => n > 1),
      'people with two live bookings',
    ).toEqual([])

    for (const b of all) {
      expect(b.emailKey).toBe(normaliseEmail(b.person.email))
      if (b.status === 'offered') {
        expect(b.offerExpiresAt, 'an offer lapses by the start').toBeDefined()
        expect(new Date(b.offerExpiresAt ?? 0).getTime()).toBeLessThanOrEqual(sessionStart(stored).getTime())
      }
    }
    // Every offer lapses by the start, so by then the index lists each offer, and nothing else.
    const listed = (await subject.repo.offersDueBy(sessionStart(stored))).filter(
      (b) => b.sessionId === sessionId,
    )
    expect(listed.map((b) => b.id).sort(), 'offers listed as due').toEqual(
      all
        .filter((b) => b.status === 'offered')
        .map((b) => b.id)
        .sort(),
    )
  }

  return {
    deps,
    sessionId,
    start,
    scenario,
    requests: [],
    freshKey: () => `${prefix}-key-${++keys}`,
    raceDeps: (scheduler) =>
      scenario.scheduleRaces ? { ...deps, bookings: scheduled(subject.repo, scheduler) } : deps,
    tokenOf: (bookingId) => deps.tokens.issue(bookingId),
    session,
    bookings,
    async settle() {
      step++
      const fresh = await discover()
      await checkInvariants()
      return fresh
    },
  }
}

/** The repository with each answer released by the scheduler, so interleavings are chosen (and shrunk) by fast-check. */
function scheduled(repo: BookingRepository, scheduler: fc.Scheduler): BookingRepository {
  const bind = <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    scheduler.scheduleFunction((...args: A) => {
      const answer = method.apply(repo, args)
      // A refusal can arrive before the scheduler lets it through; the caller still receives it.
      answer.catch(() => undefined)
      return answer
    })
  return {
    getSession: bind(repo.getSession),
    getBooking: bind(repo.getBooking),
    placeBooking: bind(repo.placeBooking),
    findReplay: bind(repo.findReplay),
    changeStatus: bind(repo.changeStatus),
    firstWaiting: bind(repo.firstWaiting),
    waitlistPosition: bind(repo.waitlistPosition),
    offersDueBy: bind(repo.offersDueBy),
    changeLaSharing: bind(repo.changeLaSharing),
  }
}

/** The person behind one of the scenario's email addresses, written as a person might type it. */
export function personFor(email: string, shouting: boolean): Person {
  return makePerson({
    email: shouting ? ` ${email.toUpperCase()} ` : email,
    name: email.split('@')[0] ?? 'Ada',
  })
}

/** The codes a use case may refuse with while people race each other. */
export const RACE_OUTCOMES: ReadonlySet<string> = new Set([
  'already-booked',
  'idempotency-key-reused',
  'invalid-transition',
  'no-offer',
  'cancellation-closed',
  'booking-closed',
  'session-started',
  'service-busy',
])

/** Rethrows anything but an expected refusal. */
export function expectRefusal(reason: unknown, allowed: ReadonlySet<string> = RACE_OUTCOMES): DomainError {
  if (reason instanceof DomainError && allowed.has(reason.code)) return reason
  throw reason
}
