import { randomUUID } from 'node:crypto'
import {
  type Booking,
  type BookingDeps,
  type BookingEmail,
  BookingSchema,
  type Clock,
  type Course,
  DEFAULT_POLICY,
  type IdSource,
  type InterestAlert,
  type Partner,
  type Person,
  type QuestionnaireResponse,
  type QuestionnaireTemplate,
  type Session,
  type SessionInput,
  type SessionSnapshot,
  type Venue,
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

/** The title of the default course and of its sessions. */
const SLCN_CORE_TITLE = 'Speech, language and communication: core'

/** A partner organisation. */
export function makePartner(overrides: Partial<Partner> = {}): Partner {
  return { id: 'talking-together', name: 'Talking Together Partnership', ...overrides }
}

/** The SLCN core course of the `talking-together` partner: the course of `makeSession`'s sessions. */
export function makeCourse(overrides: Partial<Course> = {}): Course {
  return {
    id: 'slcn-core',
    partnerId: 'talking-together',
    title: SLCN_CORE_TITLE,
    summary: 'Spot early signs of speech, language and communication needs.',
    description: 'How communication develops from birth to five.',
    topics: ['communication-and-language'],
    audience: 'practitioners',
    level: 'core',
    cpdHours: 1.5,
    completion: { kind: 'all-parts' },
    ...overrides,
  }
}

/** A family hub in Leeds. */
export function makeVenue(overrides: Partial<Venue> = {}): Venue {
  return {
    name: 'Riverside Family Hub',
    address: ['12 Mill Lane', 'Leeds'],
    postcode: 'LS1 4AB',
    laCode: LEEDS,
    ...overrides,
  }
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
    title: SLCN_CORE_TITLE,
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

/**
 * What an administrator gives to schedule a session: a published two-part online twilight course
 * of 10 places run by trainer-amira, on 16 and 23 March 2026 (London dates and times).
 */
export function makeSessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    courseId: 'slcn-core',
    parts: [
      { date: '2026-03-16', startTime: '16:00', endTime: '17:30' },
      { date: '2026-03-23', startTime: '16:00', endTime: '17:30' },
    ],
    format: 'online',
    joiningUrl: 'https://meet.example.org/j/1',
    capacity: 10,
    trainerIds: ['trainer-amira'],
    bespokeLaCodes: [],
    status: 'published',
    ...overrides,
  }
}

/** An open alert of the default course, asked at `NOW` by someone in Leeds for sessions in Leeds. */
export function makeAlert(overrides: Partial<InterestAlert> = {}): InterestAlert {
  return {
    id: 'alert-1',
    courseId: 'slcn-core',
    email: 'ada@example.org',
    emailKey: 'ada@example.org',
    laCode: LEEDS,
    scope: 'la',
    status: 'open',
    stopTokenHash: 'hash',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
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

const BOOKED_AT = '2026-11-02T10:00:00.000Z'

/** A booking's copy of an in-person session on Tuesday 1 December 2026, 4pm to 5:30pm London time (GMT). */
export function makeSnapshot(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    title: SLCN_CORE_TITLE,
    courseId: 'slcn-core',
    parts: [{ startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:30:00.000Z' }],
    format: 'in-person',
    venue: makeVenue(),
    ...overrides,
  }
}

/** A valid confirmed booking of the session in `makeSnapshot`; overrides replace whole fields. */
export function makeBooking(overrides: Partial<Booking> = {}): Booking {
  return BookingSchema.parse({
    id: 'bk_0001',
    reference: 'K7QP-2MXD',
    sessionId: 'ses_0001',
    status: 'confirmed',
    person: makePerson({ name: 'Amira Khan', email: 'amira.khan@example.test' }),
    emailKey: 'amira.khan@example.test',
    manageTokenHash: 'hash',
    session: makeSnapshot(),
    createdAt: BOOKED_AT,
    updatedAt: BOOKED_AT,
    history: [{ at: BOOKED_AT, from: null, to: 'confirmed', by: 'participant' }],
    ...overrides,
  })
}

/** A booking-confirmed email about `makeBooking`'s booking, queued at `NOW`, with an id of its own. */
export function makeOutboxMessage(overrides: Partial<BookingEmail> = {}): BookingEmail {
  return {
    id: `ob-${randomUUID()}`,
    kind: 'booking-confirmed',
    bookingId: 'bk_0001',
    createdAt: NOW.toISOString(),
    ...overrides,
  }
}

/** The same booking after it moved from `from` to `to`. */
export function withChange(booking: Booking, from: Booking['status'], to: Booking['status']): Booking {
  const at = '2026-11-03T09:00:00.000Z'
  return {
    ...booking,
    status: to,
    updatedAt: at,
    history: [...booking.history, { at, from, to, by: 'participant' }],
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

/**
 * A questionnaire template version: by default a post form rating confidence and knowledge, asking
 * the three yes/no measures and for comments.
 */
export function makeQuestionnaireTemplate(
  overrides: Partial<QuestionnaireTemplate> = {},
): QuestionnaireTemplate {
  const rating = { type: 'rating', required: true, lowLabel: 'Not at all', highLabel: 'Very' } as const
  return {
    id: 'tpl-post',
    kind: 'post',
    version: 1,
    name: 'After the session',
    items: [
      {
        ...rating,
        id: 'confidence',
        tag: 'confidence',
        text: 'How confident do you feel supporting children with SEND?',
      },
      { ...rating, id: 'knowledge', tag: 'knowledge', text: 'How much do you know about the topic?' },
      { id: 'useful', type: 'yes-no', measure: 'useful', required: true, text: 'Was the session useful?' },
      {
        id: 'informative',
        type: 'yes-no',
        measure: 'informative',
        required: false,
        text: 'Was it informative?',
      },
      {
        id: 'recommend',
        type: 'yes-no',
        measure: 'recommend',
        required: true,
        text: 'Would you recommend it?',
      },
      { id: 'comments', type: 'text', required: false, text: 'Any comments?' },
    ],
    createdAt: NOW.toISOString(),
    createdBy: 'admin',
    ...overrides,
  }
}

/** One booking's answers to a questionnaire, for the default session and course, from Leeds. */
export function makeQuestionnaireResponse(
  overrides: Partial<QuestionnaireResponse> = {},
): QuestionnaireResponse {
  return {
    bookingId: 'booking-1',
    kind: 'post',
    templateId: 'tpl-post',
    version: 1,
    sessionId: 'session-1',
    courseId: 'slcn-core',
    laCode: LEEDS,
    sessionStartsAt: '2026-03-16T09:30:00.000Z',
    answers: {},
    submittedAt: NOW.toISOString(),
    ...overrides,
  }
}
