import {
  type BookingDeps,
  bookSession,
  type Course,
  type SessionAdminDeps,
  type SessionInput,
} from '@ey/domain'
import { makeDeps, makePerson, type TestDeps } from './factories.ts'
import { createInMemorySessionStore, type InMemorySessionStore } from './in-memory-sessions.ts'

/** The administrators' use cases' dependencies over the in-memory repository. */
export type AdminTestDeps = TestDeps & SessionAdminDeps & { sessions: InMemorySessionStore }

export const COURSE: Course = {
  id: 'slcn-core',
  partnerId: 'partner-1',
  title: 'Speech, language and communication: core',
  summary: 'Core skills',
  description: '',
  topics: ['communication-and-language'],
  audience: 'practitioners',
  level: 'core',
  cpdHours: 3,
  completion: { kind: 'all-parts' },
}

/** Dependencies with the course above in the catalogue. */
export function makeAdminDeps(): AdminTestDeps {
  const deps = makeDeps()
  deps.bookings.putCourse(COURSE)
  return { ...deps, sessions: createInMemorySessionStore(deps.bookings), catalogue: deps.bookings }
}

/** A published two-part online twilight course of 10 places, on 16 and 23 March 2026. */
export function makeInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    courseId: COURSE.id,
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
