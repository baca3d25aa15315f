import {
  type BookingDeps,
  type Clock,
  DEFAULT_POLICY,
  type IdSource,
  type Person,
  type Session,
} from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, sha256Fingerprints } from '@ey/runtime'
import { createInMemoryBookingRepository, type InMemoryBookingRepository } from './in-memory-bookings.ts'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** The default "now" of every test: Monday 2 March 2026, 09:00 in London (GMT). */
export const NOW = new Date('2026-03-02T09:00:00.000Z')

/** Leeds: a real upper-tier LA from the reference data. */
export const LEEDS = 'E08000035'
export const WESTMINSTER = 'E09000033'

/** A clock that stands still until the test moves it. */
export interface FakeClock extends Clock {
  set(instant: Date | string): void
  /** Moves time forward (or back, with a negative value) by this many milliseconds. */
  advance(ms: number): void
}

/** A movable clock starting at `start`. */
export function fakeClock(start: Date | string = NOW): FakeClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'

/** Ids `prefix-000001`, `prefix-000002`…, references `AAAA-AAAB`, `AAAA-AAAC`… and codes `000001`… in order. */
export function sequentialIds(prefix = 'id'): IdSource {
  let ids = 0
  let references = 0
  let codes = 0
  return {
    newId: () => `${prefix}-${String(++ids).padStart(6, '0')}`,
    newReference: () => {
      let n = ++references
      const chars = Array.from({ length: 8 }, () => {
        const char = REFERENCE_ALPHABET[n % REFERENCE_ALPHABET.length]
        n = Math.floor(n / REFERENCE_ALPHABET.length)
        return char
      }).reverse()
      return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
    },
    newAttendanceCode: () => String(++codes % 1_000_000).padStart(6, '0'),
  }
}

/** One part of `minutes` starting at `startsAt`. */
export function partAt(startsAt: Date | string, minutes = 90): Session['parts'][number] {
  const start = new Date(startsAt)
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * MINUTE).toISOString() }
}

/**
 * A published, open-to-all online session of 10 places, starting two weeks after `NOW` at 16:00
 * London time. `startsAt` is a shortcut for a single 90-minute part.
 */
export function makeSession(overrides: Partial<Session> & { startsAt?: Date | string } = {}): Session {
  const { startsAt, ...rest } = overrides
  return {
    id: 'session-1',
    courseId: 'slcn-core',
    title: 'Speech, language and communication: core',
    parts: [partAt(startsAt ?? '2026-03-16T16:00:00.000Z')],
    format: 'online',
    capacity: 10,
    heldCount: 0,
    waitingCount: 0,
    bespokeLaCodes: [],
    trainerIds: [],
    status: 'published',
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    ...rest,
  }
}

/** A childminder from Leeds who agrees to share attendance with the LA. */
export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    role: 'childminder',
    settingName: 'Little Acorns',
    settingType: 'childminder',
    laCode: LEEDS,
    shareWithLa: true,
    ...overrides,
  }
}

/** The booking dependencies of a test: in-memory storage, a fake clock and deterministic ids. */
export interface TestDeps extends BookingDeps {
  bookings: InMemoryBookingRepository
  clock: FakeClock
}

/** Dependencies for the use cases, each replaceable. */
export function makeDeps(overrides: Partial<TestDeps> = {}): TestDeps {
  return {
    bookings: createInMemoryBookingRepository(),
    clock: fakeClock(),
    ids: sequentialIds(),
    fingerprints: sha256Fingerprints,
    tokens: hmacTokens('x'.repeat(32)),
    las: localAuthorities,
    policy: DEFAULT_POLICY,
    ...overrides,
  }
}
