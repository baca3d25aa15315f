import { type BookingDeps, bookSession, type SessionAdminDeps } from '@ey/domain'
import { makeCourse, makeDeps, makePerson, type TestDeps } from './factories.ts'
import { createInMemorySessionStore, type InMemorySessionStore } from './in-memory-sessions.ts'

/** The administrators' use cases' dependencies over the in-memory repository. */
export type AdminTestDeps = TestDeps & SessionAdminDeps & { sessions: InMemorySessionStore }

/** Dependencies with the default course (`makeCourse`) in the catalogue. */
export function makeAdminDeps(): AdminTestDeps {
  const deps = makeDeps()
  deps.bookings.putCourse(makeCourse())
  return { ...deps, sessions: createInMemorySessionStore(deps.bookings), catalogue: deps.bookings }
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
