import {
  AlreadyBookedError,
  type Booking,
  type BookingEmail,
  type BookingRepository,
  type BookingStatus,
  type CatalogueRepository,
  type Course,
  DomainError,
  type IdempotencyRequest,
  type LaSharingEvent,
  type Partner,
  type PlaceBookingRequest,
  type PlaceBookingResult,
  placementFor,
  type Session,
  type StatusChange,
  sessionStart,
  transitionEffects,
  WaitingListFullError,
} from '@ey/domain'

/** The booking and catalogue ports in memory, plus what a test needs to arrange and inspect them. */
export interface InMemoryBookingRepository extends BookingRepository, CatalogueRepository {
  /** Stores a session as given, counters included (it replaces any session with the same id). */
  putSession(session: Session): void
  putCourse(course: Course): void
  putPartner(partner: Partner): void
  /** Stores a booking as given, replacing the one with its id (for session stores built on this one). */
  putBooking(booking: Booking): void
  /** Every session stored, in no particular order. */
  allSessions(): Session[]
  /** Every outbox message written, in order: the emails the use cases asked for (tests may empty it). */
  outbox: BookingEmail[]
  /** A session's bookings in the order they were made (a test's view: the port has no such read). */
  bookingsOf(sessionId: string): Booking[]
}

export interface InMemoryOptions {
  sessions?: Session[]
  courses?: Course[]
  partners?: Partner[]
}

interface IdempotencyRecord {
  bookingId: string
  fingerprint: string
}

/**
 * A faithful model of the repository port: each method reads and writes the store in one
 * synchronous step, so it is as atomic as the DynamoDB adapter's transactions, and it refuses
 * the same things with the same domain errors. Values are copied in and out, like a database.
 */
export function createInMemoryBookingRepository(options: InMemoryOptions = {}): InMemoryBookingRepository {
  const sessions = new Map<string, Session>()
  const courses = new Map<string, Course>()
  const partners = new Map<string, Partner>()
  const bookings = new Map<string, Booking>()
  const idempotency = new Map<string, IdempotencyRecord>()
  /** sessionId → emailKey → id of the person's live booking. */
  const personLocks = new Map<string, Map<string, string>>()
  const lastTicket = new Map<string, number>()
  const outbox: BookingEmail[] = []

  const copy = <T>(value: T): T => structuredClone(value)
  const idempotencyKey = (sessionId: string, key: string) => JSON.stringify([sessionId, key])
  const locksOf = (sessionId: string) => {
    const locks = personLocks.get(sessionId) ?? new Map<string, string>()
    personLocks.set(sessionId, locks)
    return locks
  }
  const waitingOf = (sessionId: string) =>
    [...bookings.values()]
      .filter((b) => b.sessionId === sessionId && b.status === 'waiting')
      .sort((a, b) => (a.waitlistTicket ?? 0) - (b.waitlistTicket ?? 0))

  function replayOf(sessionId: string, request: IdempotencyRequest): Booking | undefined {
    const record = idempotency.get(idempotencyKey(sessionId, request.key))
    if (!record) return undefined
    if (record.fingerprint !== request.fingerprint) throw new DomainError('idempotency-key-reused')
    return bookings.get(record.bookingId)
  }

  function sessionTakingBookings(sessionId: string): Session {
    const session = sessions.get(sessionId)
    if (!session) throw new DomainError('session-not-found')
    if (session.status === 'cancelled') throw new DomainError('session-cancelled')
    if (session.status !== 'published') throw new DomainError('session-not-published')
    return session
  }

  function placeBooking(request: PlaceBookingRequest): PlaceBookingResult {
    const { sessionId, emailKey, id } = request.booking
    const replay = replayOf(sessionId, request.idempotency)
    if (replay) return { booking: copy(replay), replayed: true }
    // Like the adapter, a full waiting list answers before "already booked" does.
    const current = sessions.get(sessionId)
    const wouldWait =
      current?.status === 'published' && (request.expected === 'wait' || placementFor(current) === 'wait')
    if (wouldWait && request.maxWaiting !== undefined && current.waitingCount >= request.maxWaiting) {
      throw new WaitingListFullError(request.maxWaiting)
    }
    const held = locksOf(sessionId).get(emailKey)
    if (held) throw new AlreadyBookedError(held)
    const session = sessionTakingBookings(sessionId)

    // Like the adapter, a caller that expects to wait joins the queue without trying for a place.
    const placement = request.expected === 'wait' ? 'wait' : placementFor(session)
    const status: BookingStatus = placement === 'confirm' ? 'confirmed' : 'waiting'
    const ticket = status === 'waiting' ? (lastTicket.get(sessionId) ?? 0) + 1 : undefined
    const { waitlistTicket: _ignored, offerExpiresAt: _none, ...given } = request.booking
    const booking: Booking = {
      ...given,
      status,
      ...(ticket === undefined ? {} : { waitlistTicket: ticket }),
      history: [{ at: given.createdAt, from: null, to: status, by: 'participant' }],
    }
    if (ticket !== undefined) lastTicket.set(sessionId, ticket)
    sessions.set(sessionId, {
      ...session,
      heldCount: session.heldCount + (status === 'confirmed' ? 1 : 0),
      waitingCount: session.waitingCount + (status === 'waiting' ? 1 : 0),
      updatedAt: given.createdAt,
    })
    bookings.set(id, booking)
    locksOf(sessionId).set(emailKey, id)
    idempotency.set(idempotencyKey(sessionId, request.idempotency.key), {
      bookingId: id,
      fingerprint: request.idempotency.fingerprint,
    })
    const message = status === 'confirmed' ? request.outbox.confirmed : request.outbox.waiting
    if (message) outbox.push(copy(message))
    return { booking: copy(booking), replayed: false }
  }

  function changeStatus(change: StatusChange): Booking {
    const booking = bookings.get(change.bookingId)
    if (!booking) throw new DomainError('booking-not-found')
    if (booking.status !== change.from) {
      throw new DomainError('invalid-transition', `The booking is ${booking.status}, not ${change.from}.`)
    }
    const effects = transitionEffects(change.from, change.to)
    const session = sessions.get(booking.sessionId)
    if (!session) throw new DomainError('session-not-found')
    if (effects.heldDelta > 0 && session.heldCount >= session.capacity) {
      throw new DomainError('invalid-transition', 'The booking changed, or no place is free; try again.')
    }
    const at = change.at.toISOString()
    const { offerExpiresAt: _previous, ...rest } = booking
    const updated: Booking = {
      ...rest,
      status: change.to,
      updatedAt: at,
      history: [...booking.history, { at, from: change.from, to: change.to, by: change.by }],
      ...(change.to === 'offered' && change.offerExpiresAt
        ? { offerExpiresAt: change.offerExpiresAt.toISOString() }
        : {}),
    }
    bookings.set(booking.id, updated)
    if (effects.heldDelta !== 0 || effects.waitingDelta !== 0) {
      sessions.set(session.id, {
        ...session,
        heldCount: session.heldCount + effects.heldDelta,
        waitingCount: session.waitingCount + effects.waitingDelta,
        updatedAt: at,
      })
    }
    const locks = locksOf(booking.sessionId)
    if (effects.releasesPerson && locks.get(booking.emailKey) === booking.id) locks.delete(booking.emailKey)
    if (change.outbox) outbox.push(copy(change.outbox))
    return copy(updated)
  }

  function waitlistPosition(booking: Booking): number | undefined {
    // Like the adapter, this trusts the booking it is given and counts the queue up to its ticket.
    const ticket = booking.waitlistTicket
    if (booking.status !== 'waiting' || ticket === undefined) return undefined
    return waitingOf(booking.sessionId).filter((b) => (b.waitlistTicket ?? 0) <= ticket).length
  }

  /** Like the adapter's index: offered bookings by deadline, then id, up to `now`. */
  function offersDueBy(now: Date): Booking[] {
    const due = (b: Booking) => `${new Date(b.offerExpiresAt ?? 0).toISOString()}#${b.id}`
    return [...bookings.values()]
      .filter((b) => b.status === 'offered' && b.offerExpiresAt && new Date(b.offerExpiresAt) <= now)
      .sort((a, b) => due(a).localeCompare(due(b)))
      .map(copy)
  }

  /** Like the adapter: one change to the booking, only while it still says the opposite. */
  function changeLaSharing(bookingId: string, entry: LaSharingEvent): Booking {
    const booking = bookings.get(bookingId)
    if (!booking || booking.person.shareWithLa === entry.agreed) {
      throw new DomainError('invalid-transition', 'The booking changed meanwhile; reload it and try again.')
    }
    const updated: Booking = {
      ...booking,
      person: { ...booking.person, shareWithLa: entry.agreed },
      updatedAt: entry.at,
      laSharing: [...(booking.laSharing ?? []), copy(entry)],
    }
    bookings.set(bookingId, updated)
    return copy(updated)
  }

  async function* listPublishedSessions(query: Parameters<CatalogueRepository['listPublishedSessions']>[0]) {
    const order = (s: Session) => `${sessionStart(s).toISOString()}#${s.id}`
    const after = query.after ? `${new Date(query.after.startsAt).toISOString()}#${query.after.id}` : ''
    const listed = [...sessions.values()]
      .filter((s) => s.status === 'published' && sessionStart(s) >= query.from && sessionStart(s) < query.to)
      .filter((s) => order(s) > after)
      .sort((a, b) => order(a).localeCompare(order(b)))
    for (const session of listed) yield copy(session)
  }

  const repository: InMemoryBookingRepository = {
    getSession: async (id) => copy(sessions.get(id)),
    getBooking: async (id) => copy(bookings.get(id)),
    placeBooking: async (request) => placeBooking(request),
    findReplay: async (sessionId, request) => copy(replayOf(sessionId, request)),
    changeStatus: async (change) => changeStatus(change),
    firstWaiting: async (sessionId) => copy(waitingOf(sessionId)[0]),
    waitlistPosition: async (booking) => waitlistPosition(booking),
    offersDueBy: async (now) => offersDueBy(now),
    changeLaSharing: async (bookingId, entry) => changeLaSharing(bookingId, entry),
    listCourses: async () => [...courses.values()].sort((a, b) => a.title.localeCompare(b.title)).map(copy),
    getCourse: async (id) => copy(courses.get(id)),
    listPartners: async () => [...partners.values()].sort((a, b) => a.name.localeCompare(b.name)).map(copy),
    listPublishedSessions,
    putSession: (session) => void sessions.set(session.id, copy(session)),
    putCourse: (course) => void courses.set(course.id, copy(course)),
    putPartner: (partner) => void partners.set(partner.id, copy(partner)),
    putBooking: (booking) => void bookings.set(booking.id, copy(booking)),
    allSessions: () => [...sessions.values()].map(copy),
    outbox,
    bookingsOf: (sessionId) => [...bookings.values()].filter((b) => b.sessionId === sessionId).map(copy),
  }
  for (const session of options.sessions ?? []) repository.putSession(session)
  for (const course of options.courses ?? []) repository.putCourse(course)
  for (const partner of options.partners ?? []) repository.putPartner(partner)
  return repository
}
