import {
  type AlertTokens,
  type BookingDeps,
  bookSession,
  type OutboxMessage,
  type OutboxStore,
  type SessionAdminDeps,
} from '@ey/domain'
import { hmacTokens } from '@ey/runtime'
import { makeCourse, makeDeps, makePerson, type TestDeps } from './factories.ts'
import { createInMemoryAlertStore, type InMemoryAlertStore } from './in-memory-alerts.ts'
import { createInMemorySessionStore, type InMemorySessionStore } from './in-memory-sessions.ts'

/** The administrators' use cases' dependencies over the in-memory repository. */
export type AdminTestDeps = TestDeps &
  SessionAdminDeps & {
    sessions: InMemorySessionStore
    alerts: InMemoryAlertStore
    alertTokens: AlertTokens
    /** Every email queued on its own (`outbox.enqueue`), once per id, in order. */
    queued: OutboxMessage[]
  }

/** Dependencies with the default course (`makeCourse`) in the catalogue, alerts and emails queued on their own. */
export function makeAdminDeps(): AdminTestDeps {
  const deps = makeDeps()
  deps.bookings.putCourse(makeCourse())
  const queued: OutboxMessage[] = []
  const outbox: Pick<OutboxStore, 'enqueue'> = {
    enqueue: async (message) => {
      if (queued.some((m) => m.id === message.id)) return false
      queued.push(structuredClone(message))
      return true
    },
  }
  return {
    ...deps,
    sessions: createInMemorySessionStore(deps.bookings),
    catalogue: deps.bookings,
    alerts: createInMemoryAlertStore(),
    alertTokens: hmacTokens('x'.repeat(32), 'alert-stop'),
    outbox,
    queued,
  }
}

/** Books `sessionId` for each address in turn; returns the booking ids. */
export async function bookAll(deps: BookingDeps, sessionId: string, emails: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const email of emails) {
    const { booking } = await bookSession(deps, {
      sessionId,
      idempotencyKey: `key-${email}`,
      person: makePerson({ email }),
    })
    ids.push(booking.id)
  }
  return ids
}
