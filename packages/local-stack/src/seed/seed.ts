import {
  type BookingRepository,
  bookingFingerprint,
  type CatalogueRepository,
  type CatalogueStore,
  type Clock,
  draftBooking,
  type Fingerprints,
  type IdSource,
  londonParts,
  type ManageTokens,
  type QuestionnaireStore,
  type RegisterRepository,
  type SessionStore,
} from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { type DocumentClient, GetCommand, PutCommand } from '@ey/dynamodb/client'
import { COURSES, PARTNERS } from './catalogue.ts'
import { markInvited } from './invited.ts'
import { type PastReport, seedPast } from './past.ts'
import { demoPerson } from './people.ts'
import { SESSIONS_AT_ONCE, scheduleDemoSession } from './schedule.ts'
import { type DemoSession, demoSessions, type Fill } from './sessions.ts'

export interface SeedDeps {
  doc: DocumentClient
  tableName: string
  catalogue: CatalogueStore & CatalogueRepository
  /** The administrators' session store: the seed schedules sessions as they do. */
  sessions: SessionStore
  bookings: BookingRepository
  tokens: ManageTokens
  ids: IdSource
  fingerprints: Fingerprints
  /** Last term's registers are marked through it. */
  registers: RegisterRepository
  /** Last term's answers are stored in it, in the courses' current templates. */
  questionnaires: QuestionnaireStore
  /** The stack's clock: demo sessions are placed around its time. */
  clock: Clock
}

export interface SeedReport {
  seeded: boolean
  partners: number
  courses: number
  sessions: number
  bookings: number
  /** Last term: sessions, bookings and questionnaire responses. */
  past: PastReport
}

const MARKER = keys.seedMarker('demo')

/** How many people the seed books onto a session of this capacity to make it look `fill`. */
function peopleFor(fill: Fill, capacity: number, n: number): number {
  switch (fill) {
    case 'quiet':
      return Math.floor(capacity * 0.15)
    case 'busy':
      return Math.floor(capacity * (0.5 + (n % 3) * 0.1))
    case 'nearly-full':
      return capacity - 1 - (n % 2)
    case 'full-with-waitlist':
      return capacity + 3 + (n % 4)
  }
}

/**
 * Loads the demo programme once: partners, courses, ~40 sessions over the next eight weeks and
 * bookings that make some nearly full and some full with a waiting list, and last term (see
 * `seedPast`): sessions with registers marked and questionnaires answered. Safe to run again: a
 * marker records a finished seed, and every write before it is idempotent, so an interrupted
 * seed completes without duplicates. Demo bookings send no emails.
 */
export async function seedDemoData(deps: SeedDeps): Promise<SeedReport> {
  const { doc, tableName } = deps
  const marker = await doc.send(new GetCommand({ TableName: tableName, Key: MARKER, ConsistentRead: true }))
  if (marker.Item) {
    const past = { sessions: 0, bookings: 0, responses: 0 }
    return { seeded: false, partners: 0, courses: 0, sessions: 0, bookings: 0, past }
  }
  const now = deps.clock.now()
  for (const partner of PARTNERS) await deps.catalogue.putPartner(partner)
  for (const course of COURSES) await deps.catalogue.putCourse(course)
  const today = londonParts(now).date
  const sessions = demoSessions(today)
  // Two independent sets of items, written side by side.
  const [bookings, past] = await Promise.all([seedUpcoming(deps, sessions, now), seedPast(deps, today)])
  await doc.send(
    new PutCommand({ TableName: tableName, Item: { ...MARKER, type: 'seed', at: now.toISOString() } }),
  )
  return {
    seeded: true,
    partners: PARTNERS.length,
    courses: COURSES.length,
    sessions: sessions.length,
    bookings,
    past,
  }
}

/** The coming weeks' sessions and their bookings; answers how many bookings. */
async function seedUpcoming(deps: SeedDeps, sessions: DemoSession[], now: Date): Promise<number> {
  let bookings = 0
  for (let i = 0; i < sessions.length; i += SESSIONS_AT_ONCE) {
    const batch = sessions.slice(i, i + SESSIONS_AT_ONCE)
    const counts = await Promise.all(batch.map((demo, j) => seedUpcomingSession(deps, demo, i + j, now)))
    bookings += counts.reduce((sum, n) => sum + n, 0)
  }
  return bookings
}

/** One coming session and its bookings, invitations recorded as sent; answers how many bookings. */
async function seedUpcomingSession(
  deps: SeedDeps,
  demo: DemoSession,
  index: number,
  now: Date,
): Promise<number> {
  const session = await scheduleDemoSession(deps.sessions, demo, now)
  const ids: string[] = []
  for (let p = 0; p < peopleFor(demo.fill, session.capacity, index); p++) {
    const person = demoPerson(index * 100 + p, session.bespokeLaCodes[0])
    const id = `${session.id}-b${String(p).padStart(3, '0')}`
    const booking = draftBooking(deps, { id, session, person, at: now.toISOString() })
    await deps.bookings.placeBooking({
      booking,
      idempotency: {
        key: `seed-${id}`,
        fingerprint: bookingFingerprint(deps.fingerprints, session.id, person),
      },
      outbox: {},
    })
    ids.push(id)
  }
  await markInvited(deps, session.id, ids, now)
  return ids.length
}
