import {
  type BookingRepository,
  type InvitationStore,
  placeLookAt,
  type QuestionnaireInvitationEmail,
  type SentInvitation,
  type Session,
  sessionEnd,
  sessionStart,
} from '@ey/domain'

/** A session's look as the store keeps it: what it was timed for, and when it is due (none: done). */
interface Look {
  startsAt: string
  endsAt: string
  dueAt?: string
}

/** The invitation store in memory, kept in line with sessions by `sync` as the session store keeps the table's. */
export interface InMemoryInvitationStore extends InvitationStore {
  /** What the DynamoDB session store does after each write (`syncInvitationLook`). */
  sync(session: Session): void
  /**
   * Makes the booking repository write place looks here, as the DynamoDB one does in each booking
   * and status change's transaction (`placeLookWrites`); answers the repository.
   */
  watch<T extends BookingRepository>(bookings: T): T
  /** Every email queued with an invitation, in order. */
  queued: QuestionnaireInvitationEmail[]
  /** When the session is next due a look; undefined when done or absent. */
  dueAt(sessionId: string): string | undefined
}

/** Builds an empty store. */
export function createInMemoryInvitationStore(): InMemoryInvitationStore {
  const looks = new Map<string, Look>()
  /** `<sessionId>#<bookingId>` → when the place look is due. */
  const placeLooks = new Map<string, { sessionId: string; bookingId: string; at: string }>()
  const sent = new Map<string, SentInvitation>()
  const queued: QuestionnaireInvitationEmail[] = []
  return {
    queued,
    sync(session) {
      if (session.status !== 'published') {
        looks.delete(session.id)
        return
      }
      const startsAt = sessionStart(session).toISOString()
      const endsAt = sessionEnd(session).toISOString()
      const old = looks.get(session.id)
      if (old?.startsAt === startsAt && old.endsAt === endsAt) return
      looks.set(session.id, { startsAt, endsAt, dueAt: new Date(session.updatedAt).toISOString() })
    },
    watch(bookings) {
      const { placeBooking, changeStatus, getBooking } = bookings
      const put = (at: Date | undefined, sessionId: string, bookingId: string) => {
        if (at) placeLooks.set(`${sessionId}#${bookingId}`, { sessionId, bookingId, at: at.toISOString() })
      }
      bookings.placeBooking = async (request) => {
        const result = await placeBooking(request)
        if (!result.replayed)
          put(placeLookAt(undefined, result.booking), result.booking.sessionId, result.booking.id)
        return result
      }
      bookings.changeStatus = async (change) => {
        const before = await getBooking(change.bookingId)
        const after = await changeStatus(change)
        put(placeLookAt(before, after), after.sessionId, after.id)
        return after
      }
      return bookings
    },
    dueAt: (sessionId) => looks.get(sessionId)?.dueAt,
    async dueLooks(now) {
      const own = [...looks.entries()]
        .filter(([, look]) => look.dueAt !== undefined && new Date(look.dueAt) <= now)
        .map(([sessionId, look]) => ({ sessionId, at: look.dueAt as string }))
      const places = [...placeLooks.values()].filter((look) => new Date(look.at) <= now)
      // In the index's order: the time, then the session, then the booking.
      const order = (look: { sessionId: string; at: string; bookingId?: string }) =>
        `${look.at}#${look.sessionId}${look.bookingId ? `#${look.bookingId}` : ''}`
      return [...own, ...places.map((look) => ({ ...look }))].sort((a, b) => order(a).localeCompare(order(b)))
    },
    async setNextLook(look, next) {
      if (look.bookingId) {
        const key = `${look.sessionId}#${look.bookingId}`
        if (placeLooks.get(key)?.at === new Date(look.at).toISOString()) placeLooks.delete(key)
        return
      }
      const current = looks.get(look.sessionId)
      // Like the adapter's condition: only a look still holding the time that was read moves.
      if (!current || current.dueAt !== new Date(look.at).toISOString()) return
      looks.set(look.sessionId, {
        startsAt: current.startsAt,
        endsAt: current.endsAt,
        ...(next ? { dueAt: next.toISOString() } : {}),
      })
    },
    async sentInvitations(sessionId) {
      return [...sent.values()].filter((s) => s.sessionId === sessionId).map((s) => structuredClone(s))
    },
    async recordInvitation(invitation, message) {
      const key = `${invitation.bookingId}#${invitation.kind}`
      if (sent.has(key) || queued.some((m) => m.id === message.id)) return false
      sent.set(key, structuredClone(invitation))
      queued.push(structuredClone(message))
      return true
    },
  }
}
