import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import {
  type BookingRepository,
  bookingFingerprint,
  type CatalogueStore,
  type Clock,
  draftBooking,
  type Fingerprints,
  type IdSource,
  londonParts,
  type ManageTokens,
  planSession,
  type Session,
  type SessionStore,
} from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { COURSES, PARTNERS } from './catalogue.ts'
import { demoPerson } from './people.ts'
import { type DemoSession, demoSessions, type Fill } from './sessions.ts'

export interface SeedDeps {
  doc: DynamoDBDocumentClient
  tableName: string
  catalogue: CatalogueStore
  /** The administrators' session store: the seed schedules sessions as they do. */
  sessions: SessionStore
  bookings: BookingRepository
  tokens: ManageTokens
  ids: IdSource
  fingerprints: Fingerprints
  /** The stack's clock: demo sessions are placed around its time. */
  clock: Clock
}

export interface SeedReport {
  seeded: boolean
  partners: number
  courses: number
  sessions: number
  bookings: number
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
 * bookings that make some nearly full and some full with a waiting list. Safe to run again: a
 * marker records a finished seed, and every write before it is idempotent, so an interrupted
 * seed completes without duplicates. Demo bookings send no emails.
 */
export async function seedDemoData(deps: SeedDeps): Promise<SeedReport> {
  const { doc, tableName } = deps
  const marker = await doc.send(new GetCommand({ TableName: tableName, Key: MARKER, ConsistentRead: true }))
  if (marker.Item) return { seeded: false, partners: 0, courses: 0, sessions: 0, bookings: 0 }
  const now = deps.clock.now()
  for (const partner of PARTNERS) await deps.catalogue.putPartner(partner)
  for (const course of COURSES) await deps.catalogue.putCourse(course)
  const sessions = demoSessions(londonParts(now).date)
  let bookings = 0
  for (const [index, demo] of sessions.entries()) {
    const session = await scheduleDemoSession(deps.sessions, demo, now)
    const people = peopleFor(demo.fill, session.capacity, index)
    for (let p = 0; p < people; p++) {
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
      bookings++
    }
  }
  await doc.send(
    new PutCommand({ TableName: tableName, Item: { ...MARKER, type: 'seed', at: now.toISOString() } }),
  )
  return {
    seeded: true,
    partners: PARTNERS.length,
    courses: COURSES.length,
    sessions: sessions.length,
    bookings,
  }
}

/**
 * Schedules a demo session as an administrator's form does (the same plan, the same store), under
 * its fixed id. One already there is saved again as it is: an interrupted seed may have stopped
 * after the session's write and before its trainers' index items, which the save puts.
 */
async function scheduleDemoSession(store: SessionStore, demo: DemoSession, now: Date): Promise<Session> {
  const existing = await store.getSession(demo.id)
  if (existing) {
    await store.saveSession(existing, existing.status)
    return existing
  }
  const course = COURSES.find((c) => c.id === demo.input.courseId)
  const plan = planSession(demo.input, { course, las: localAuthorities, now, newId: () => demo.id })
  if (!plan.session) throw new Error(`Demo session ${demo.id} is invalid: ${JSON.stringify(plan.errors)}`)
  await store.createSessions([plan.session])
  return plan.session
}
