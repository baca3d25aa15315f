import { createHash } from 'node:crypto'
import { utcMonth } from '@ey/domain'

/**
 * Key functions, one per item type. Prefixes name the entity; see ACCESS_PATTERNS.md for which
 * query reads which key.
 */
export const keys = {
  partner: (id: string) => ({ pk: `PARTNER#${id}`, sk: 'PARTNER' }),
  course: (id: string) => ({ pk: `COURSE#${id}`, sk: 'COURSE' }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' }),
  /** The arrival-order counter of a session's waiting list, apart from the hot session item. */
  waitlistCounter: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'WAITLIST_COUNTER' }),
  /** One per live booking of a person on a session: enforces "one live booking per person". */
  sessionPerson: (sessionId: string, emailKey: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `PERSON#${emailHash(emailKey)}`,
  }),
  /** A place in the waiting list queue, ordered by ticket. */
  queueEntry: (sessionId: string, ticket: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `WAIT#${String(ticket).padStart(10, '0')}`,
  }),
  booking: (id: string) => ({ pk: `BOOKING#${id}`, sk: 'BOOKING' }),
  idempotency: (sessionId: string, key: string) => ({
    pk: `IDEMPOTENCY#${sessionId}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  /** A staff member of the directory, by the issuer's subject. */
  staff: (sub: string) => ({ pk: `STAFF#${sub}`, sk: 'STAFF' }),
  /** Holds a username for one staff member (usernames are unique, as in Cognito). */
  staffUsername: (username: string) => ({ pk: `STAFF_USERNAME#${username}`, sk: 'STAFF_USERNAME' }),
  /** One part's register (marks, walk-ins, notes, audit), beside its session. */
  registerPart: (sessionId: string, part: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `ATTENDANCE#${String(part).padStart(2, '0')}`,
  }),
  /** One per trainer assigned to a session; indexed by trainer for "my sessions". */
  trainerAssignment: (sessionId: string, trainerId: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `TRAINER#${trainerId}`,
  }),
}

/** Index keys. */
export const indexKeys = {
  /** gsi1: published sessions by UTC month of their start. */
  sessionListing: (startsAt: string, id: string) => ({
    gsi1pk: `SESSIONS#${utcMonth(startsAt)}`,
    gsi1sk: `${new Date(startsAt).toISOString()}#${id}`,
  }),
  sessionListingPk: (month: string) => `SESSIONS#${month}`,
  /** gsi2: every session, drafts and cancelled ones too, by UTC month of its start (the admin list). */
  sessionSchedule: (startsAt: string, id: string) => ({
    gsi2pk: `SCHEDULE#${utcMonth(startsAt)}`,
    gsi2sk: `${new Date(startsAt).toISOString()}#${id}`,
  }),
  sessionSchedulePk: (month: string) => `SCHEDULE#${month}`,
  /** gsi1: a session's register. */
  register: (sessionId: string, createdAt: string, bookingId: string) => ({
    gsi1pk: `REGISTER#${sessionId}`,
    gsi1sk: `${createdAt}#${bookingId}`,
  }),
  /** gsi1: a trainer's sessions by start. */
  trainerSessions: (trainerId: string, startsAt: string, sessionId: string) => ({
    gsi1pk: `TRAINER#${trainerId}`,
    gsi1sk: `${new Date(startsAt).toISOString()}#${sessionId}`,
  }),
  /** gsi1: the catalogue. */
  courseListing: (title: string, id: string) => ({ gsi1pk: 'COURSES', gsi1sk: `${title}#${id}` }),
  partnerListing: (name: string, id: string) => ({ gsi1pk: 'PARTNERS', gsi1sk: `${name}#${id}` }),
  /** gsi1: the staff directory by username. */
  staffListing: (username: string) => ({ gsi1pk: 'STAFF', gsi1sk: username }),
  /** gsi2: a person's bookings by session start. */
  personBookings: (emailKey: string, startsAt: string, bookingId: string) => ({
    gsi2pk: `PERSON#${emailHash(emailKey)}`,
    gsi2sk: `${startsAt}#${bookingId}`,
  }),
  /** gsi3: an LA's bookings by session start. */
  laBookings: (laCode: string, startsAt: string, bookingId: string) => ({
    gsi3pk: `LA#${laCode}`,
    gsi3sk: `${startsAt}#${bookingId}`,
  }),
}

/** Email addresses never appear in keys: a hash of the normalised address stands for them. */
export function emailHash(emailKey: string): string {
  return createHash('sha256').update(emailKey).digest('base64url').slice(0, 32)
}
