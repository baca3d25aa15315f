import type { BookingPolicy } from './config.ts'
import type { BookingEmail } from './outbox.ts'
import type { AbuseLimits } from './rules/abuse-limits.ts'
import type { Booking, BookingStatus, LaSharingEvent } from './schemas/booking.ts'
import type { Course, Partner } from './schemas/catalogue.ts'
import type { Session, SessionSnapshot, SessionStatus } from './schemas/session.ts'

/** The time, injectable so rules about windows and cut-offs can be tested. */
export interface Clock {
  now(): Date
}

/** Sources of identifiers, references and codes. */
export interface IdSource {
  /** A new unique, roughly time-ordered id. */
  newId(): string
  /** A short human booking reference like `K7QP-2MXD`. */
  newReference(): string
  /** A six-digit attendance code like `042917`, unguessable: participants prove they were there with it. */
  newAttendanceCode(): string
}

/** One-way fingerprints of text, for idempotency and for ids that must not reveal what they stand for. */
export interface Fingerprints {
  /** The same text always gives the same fingerprint: stored fingerprints rely on it never changing. */
  of(text: string): string
}

/** Manage tokens: given to the person, stored only as a hash. */
export interface ManageTokens {
  /**
   * The token for a booking at a version (1 when left out); the same booking and version always
   * get the same token (so replays can answer it). Version 1's token is the one every link sent
   * before versions existed carries; a later version's token starts with `<version>.` (see
   * `versionOfToken`), so a link of an older version can be told from a wrong one.
   */
  issue(bookingId: string, version?: number): string
  /** The hash stored on the booking. */
  hash(token: string): string
}

/** The key under which a retried request is recognised. */
export interface IdempotencyRequest {
  key: string
  /** A hash of the request body: the same key with another body is refused. */
  fingerprint: string
}

export interface PlaceBookingRequest {
  /** The booking as it will be stored if a place is free; the repository sets status and ticket. */
  booking: Booking
  idempotency: IdempotencyRequest
  /** The email sent in each outcome. */
  outbox: { confirmed?: BookingEmail; waiting?: BookingEmail }
  /**
   * What a consistent read of the session just suggested. 'wait' lets the repository join the
   * waiting list without first trying for a place; if one has freed meanwhile, the caller's
   * promotion gives it to the queue. The capacity check itself stays in the write.
   */
  expected?: 'confirm' | 'wait'
  /**
   * The longest the waiting list may grow: joining it while it holds this many throws
   * `WaitingListFullError`, decided in the write; that answer comes before "already booked", so
   * it never tells whether the person holds a booking. Unset, the list is not capped (moves).
   */
  maxWaiting?: number
}

export interface PlaceBookingResult {
  booking: Booking
  /** True when the idempotency key was seen before and the earlier booking is answered. */
  replayed: boolean
}

export interface StatusChange {
  bookingId: string
  from: BookingStatus
  to: BookingStatus
  by: string
  at: Date
  offerExpiresAt?: Date
  outbox?: BookingEmail
}

/** Storage of sessions and bookings. Every write is atomic and enforces capacity itself. */
export interface BookingRepository {
  getSession(id: string): Promise<Session | undefined>
  getBooking(id: string): Promise<Booking | undefined>
  /**
   * Takes a place when one is free and nobody waits, otherwise joins the waiting list, in one
   * atomic write with the idempotency record and the email. Throws `AlreadyBookedError` (naming the
   * live booking) when the
   * person holds a live booking, `idempotency-key-reused` for a known key with another body.
   */
  placeBooking(request: PlaceBookingRequest): Promise<PlaceBookingResult>
  /**
   * The booking an idempotency key already made for this session, if any; throws
   * `idempotency-key-reused` when the key was used with another request.
   */
  findReplay(sessionId: string, idempotency: IdempotencyRequest): Promise<Booking | undefined>
  /**
   * Applies one state-machine transition atomically with its counter changes; throws
   * `invalid-transition` when the booking is no longer in `from` or a place is no longer free.
   */
  changeStatus(change: StatusChange): Promise<Booking>
  /** The longest-waiting booking of a session, read consistently. */
  firstWaiting(sessionId: string): Promise<Booking | undefined>
  /**
   * Every offer whose deadline is at or before `now`, however long ago, soonest first. Read from
   * an index, so an offer answered a moment ago may still be listed: the transition's own
   * condition decides.
   */
  offersDueBy(now: Date): Promise<Booking[]>
  /** 1 for the first in line; undefined when the booking is not waiting. */
  waitlistPosition(booking: Booking): Promise<number | undefined>
  /**
   * Records a change of mind about sharing with the LA: sets `person.shareWithLa` to the entry's
   * answer and appends the entry to `laSharing`, in one write on the booking itself (the item the
   * LA's index lists), only while the booking still says the opposite; throws `invalid-transition`
   * when it no longer does.
   */
  changeLaSharing(bookingId: string, entry: LaSharingEvent): Promise<Booking>
}

/** Reading the catalogue: partners, courses and published sessions. */
export interface CatalogueRepository {
  listCourses(): Promise<Course[]>
  getCourse(id: string): Promise<Course | undefined>
  listPartners(): Promise<Partner[]>
  /** Published sessions starting in [from, to), ordered by start then id, after the cursor. */
  listPublishedSessions(query: {
    from: Date
    to: Date
    after?: { startsAt: string; id: string }
  }): AsyncIterable<Session>
}

/** Finding a person's bookings by email address, for "find my bookings". */
export interface BookingLookup {
  /**
   * The person's live bookings (by normalised email) of sessions that have not ended at `now`,
   * soonest first. Read from an index, so a booking made a moment ago may be missing.
   */
  liveBookingsOf(emailKey: string, now: Date): Promise<Booking[]>
}

/** Known local authorities. */
export interface LocalAuthorities {
  has(code: string): boolean
  /** The code of the region the LA is in; undefined for a code that is not an LA. */
  regionOf(code: string): string | undefined
}

/** Everything the booking use cases need. */
export interface BookingDeps {
  bookings: BookingRepository
  clock: Clock
  ids: IdSource
  fingerprints: Fingerprints
  tokens: ManageTokens
  las: LocalAuthorities
  policy: BookingPolicy
  /** The waiting-list cap and the rate limits; default `DEFAULT_ABUSE_LIMITS`. */
  limits?: AbuseLimits
}

/** A file sent with an email, such as the calendar invitation. */
export interface EmailAttachment {
  filename: string
  /** The full MIME type, parameters included (e.g. `text/calendar; method=PUBLISH`). */
  contentType: string
  content: string
}

/** One rendered email to one person. */
export interface OutgoingEmail {
  to: string
  subject: string
  text: string
  html: string
  attachments?: EmailAttachment[]
  /** Extra header fields, such as `List-Unsubscribe` (RFC 2369, 8058); ASCII values only. */
  headers?: Record<string, string>
}

/** Delivers email. Failures are thrown, so the caller decides whether to retry. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>
}

/** A change of a live booking's copy of its session, made when an administrator edits the session. */
export interface SnapshotChange {
  bookingId: string
  /** The booking's `updatedAt` as read: the write is refused when the booking changed since. */
  expectedUpdatedAt: string
  session: SessionSnapshot
  at: Date
  /** Recorded in the history (a same-status event), so the calendar SEQUENCE rises; with its email. */
  notice?: { by: string; outbox: BookingEmail }
}

/** The administrators' writes and reads of sessions. Counters stay with the booking engine. */
export interface SessionStore {
  /** Read consistently. */
  getSession(id: string): Promise<Session | undefined>
  /** Writes every session or none; throws `already-exists` when an id is taken. */
  createSessions(sessions: Session[]): Promise<void>
  /**
   * Writes the session's details and status, never its counters or capacity, while its status is
   * still `expectedStatus`; throws `session-changed` otherwise and `session-not-found`.
   */
  saveSession(session: Session, expectedStatus: SessionStatus): Promise<void>
  /** Sets the capacity only while no more places are held than it; throws `capacity-below-held`. */
  setCapacity(sessionId: string, capacity: number, at: Date): Promise<Session>
  /** The ids of the session's live bookings, read consistently. */
  liveBookingIds(sessionId: string): Promise<string[]>
  /** Replaces a booking's session snapshot; false when the booking changed since it was read. */
  changeSnapshot(change: SnapshotChange): Promise<boolean>
  /** Every session (drafts and cancelled ones too) starting in [from, to), by start. */
  listSessions(query: { from: Date; to: Date }): Promise<Session[]>
}
