import { belowHeld, DomainError, isLive, type Session, type SessionStore, sessionStart } from '@ey/domain'
import type { InMemoryBookingRepository } from './in-memory-bookings.ts'
import { createInMemoryReminderSchedule, type InMemoryReminderSchedule } from './in-memory-reminders.ts'

/** A session store over the in-memory repository's data, refusing what the DynamoDB one refuses. */
export interface InMemorySessionStore extends SessionStore {
  /** When set, `changeSnapshot` throws this from its nth call on (1-based): a failure part-way. */
  failOn?: { method: 'changeSnapshot'; call: number; error: Error }
  /** The reminders and part days the store keeps in line with every session it writes. */
  reminders: InMemoryReminderSchedule
}

/** Builds the store on `bookings`; each method reads and writes in one synchronous step. */
export function createInMemorySessionStore(
  bookings: InMemoryBookingRepository,
  reminders = createInMemoryReminderSchedule(),
): InMemorySessionStore {
  let snapshotCalls = 0
  const current = async (id: string) => bookings.getSession(id)

  const store: InMemorySessionStore = {
    reminders,
    getSession: current,
    async createSessions(sessions) {
      for (const session of sessions) {
        if (await current(session.id)) throw new DomainError('already-exists')
      }
      for (const session of sessions) {
        bookings.putSession(session)
        reminders.sync(session)
      }
    },
    async saveSession(session, expectedStatus) {
      const existing = await current(session.id)
      if (!existing) throw new DomainError('session-not-found')
      if (existing.status !== expectedStatus) throw new DomainError('session-changed')
      const { capacity, heldCount, waitingCount, createdAt } = existing
      const saved = { ...session, capacity, heldCount, waitingCount, createdAt }
      bookings.putSession(saved)
      reminders.sync(saved)
    },
    async setCapacity(sessionId, capacity, at) {
      const existing = await current(sessionId)
      if (!existing) throw new DomainError('session-not-found')
      if (existing.status === 'cancelled') throw new DomainError('session-cancelled')
      if (existing.heldCount > capacity) throw belowHeld(existing.heldCount)
      const updated: Session = { ...existing, capacity, updatedAt: at.toISOString() }
      bookings.putSession(updated)
      return updated
    },
    async liveBookingIds(sessionId) {
      return bookings
        .bookingsOf(sessionId)
        .filter((b) => isLive(b.status))
        .map((b) => b.id)
    },
    async changeSnapshot(change) {
      snapshotCalls++
      const failure = store.failOn
      if (failure?.method === 'changeSnapshot' && snapshotCalls >= failure.call) throw failure.error
      const booking = await bookings.getBooking(change.bookingId)
      if (!booking || booking.updatedAt !== change.expectedUpdatedAt) return false
      const at = change.at.toISOString()
      const { notice } = change
      bookings.putBooking({
        ...booking,
        session: change.session,
        updatedAt: at,
        history: notice
          ? [...booking.history, { at, from: booking.status, to: booking.status, by: notice.by }]
          : booking.history,
      })
      if (notice) bookings.outbox.push(structuredClone(notice.outbox))
      return true
    },
    async listSessions({ from, to }) {
      return bookings
        .allSessions()
        .filter((s) => sessionStart(s) >= from && sessionStart(s) < to)
        .sort((a, b) => sessionStart(a).getTime() - sessionStart(b).getTime())
    },
  }
  return store
}
