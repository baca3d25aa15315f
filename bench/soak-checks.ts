// The invariants `pnpm bench:soak` checks in the table after its load, read straight from the items
// (not through the repositories whose writes they check): seat counts, waiting lists, the outbox
// and one live booking per person per session.

import { type BookingStatus, holdsPlace, isLive } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { type DocumentClient, paginateScan } from '@ey/dynamodb/client'

type Item = Record<string, unknown>

/** One invariant: what it states, how many things it looked at, and each breach found. */
export interface InvariantCheck {
  name: string
  statement: string
  checked: number
  violations: string[]
}

/** Outbox states an item may be left in once the mail has drained: delivered, not to be sent, or parked. */
const SETTLED_OUTBOX = new Set(['sent', 'skipped', 'failed'])

/** Every item of the table, read with strongly consistent scans. */
export async function readAllItems(doc: DocumentClient, tableName: string): Promise<Item[]> {
  const items: Item[] = []
  for await (const page of paginateScan({ client: doc }, { TableName: tableName, ConsistentRead: true })) {
    items.push(...(page.Items ?? []))
  }
  return items
}

interface BookingItem {
  id: string
  sessionId: string
  status: BookingStatus
  emailKey: string
  waitlistTicket?: number
}

const sessionIdOf = (pk: unknown) => String(pk).replace(/^SESSION#/, '')

/**
 * Checks the four invariants over a table's items (see `readAllItems`):
 * - seat counts: each session's `heldCount` is the number of its bookings holding a place, at most
 *   its capacity, and its `waitingCount` the number waiting;
 * - waiting list: each waiting booking has a ticket no other booking of the session has, and the
 *   queue entry of that ticket names it; no queue entry names anything else;
 * - outbox: every email is sent, skipped or parked as failed (none pending or being sent);
 * - one live booking per person per session, each holding the person's lock, and no lock left
 *   without its live booking.
 */
export function checkInvariants(items: readonly Item[]): InvariantCheck[] {
  const sessions = items.filter((item) => item.type === 'session')
  const bookings = items.filter((item) => item.type === 'booking') as unknown as BookingItem[]
  const bySession = new Map<string, BookingItem[]>()
  for (const booking of bookings) {
    const list = bySession.get(booking.sessionId) ?? []
    list.push(booking)
    bySession.set(booking.sessionId, list)
  }
  const bookingById = new Map(bookings.map((booking) => [booking.id, booking]))
  return [
    seatCounts(sessions, bySession),
    waitingLists(items, sessions, bySession, bookingById),
    outbox(items),
    oneLiveBooking(items, bookings, bookingById),
  ]
}

function seatCounts(sessions: Item[], bySession: Map<string, BookingItem[]>): InvariantCheck {
  const violations: string[] = []
  for (const session of sessions) {
    const id = String(session.id)
    const own = bySession.get(id) ?? []
    const held = own.filter((booking) => holdsPlace(booking.status)).length
    const waiting = own.filter((booking) => booking.status === 'waiting').length
    if (session.heldCount !== held) {
      violations.push(`session ${id}: heldCount ${session.heldCount}, bookings holding a place ${held}`)
    }
    if (session.waitingCount !== waiting) {
      violations.push(`session ${id}: waitingCount ${session.waitingCount}, bookings waiting ${waiting}`)
    }
    if (Number(session.heldCount) > Number(session.capacity)) {
      violations.push(`session ${id}: ${session.heldCount} places held of ${session.capacity}`)
    }
  }
  return {
    name: 'seat counts',
    statement: "each session's held and waiting counts equal its bookings that hold a place or wait",
    checked: sessions.length,
    violations,
  }
}

function waitingLists(
  items: readonly Item[],
  sessions: Item[],
  bySession: Map<string, BookingItem[]>,
  bookingById: Map<string, BookingItem>,
): InvariantCheck {
  const violations: string[] = []
  const entries = new Map<string, string>()
  for (const item of items.filter((item) => item.type === 'queue-entry')) {
    entries.set(`${item.pk}|${item.sk}`, String(item.bookingId))
    const booking = bookingById.get(String(item.bookingId))
    const sessionId = sessionIdOf(item.pk)
    if (booking?.status !== 'waiting' || booking.sessionId !== sessionId) {
      violations.push(
        `session ${sessionId}: queue entry ${item.sk} names booking ${item.bookingId}, ${booking ? `${booking.status} on ${booking.sessionId}` : 'which does not exist'}`,
      )
    }
  }
  let waitingCount = 0
  for (const session of sessions) {
    const id = String(session.id)
    const waiting = (bySession.get(id) ?? []).filter((booking) => booking.status === 'waiting')
    waitingCount += waiting.length
    const holders = new Map<number, string>()
    for (const booking of waiting) {
      const ticket = booking.waitlistTicket
      if (typeof ticket !== 'number') {
        violations.push(`session ${id}: waiting booking ${booking.id} has no place in the queue`)
        continue
      }
      const other = holders.get(ticket)
      if (other)
        violations.push(`session ${id}: bookings ${other} and ${booking.id} share queue ticket ${ticket}`)
      holders.set(ticket, booking.id)
      const { pk, sk } = keys.queueEntry(id, ticket)
      if (entries.get(`${pk}|${sk}`) !== booking.id) {
        violations.push(
          `session ${id}: waiting booking ${booking.id} is not in the queue at ticket ${ticket}`,
        )
      }
    }
  }
  return {
    name: 'waiting lists',
    statement:
      'waiting-list positions unique per session, each waiting booking in the queue and nothing else',
    checked: waitingCount,
    violations,
  }
}

function outbox(items: readonly Item[]): InvariantCheck {
  const emails = items.filter((item) => item.type === 'outbox')
  const violations = emails
    .filter((item) => !SETTLED_OUTBOX.has(String(item.status)))
    .map((item) => `email ${item.id} (${item.kind}) is ${item.status} after ${item.attempts ?? 0} attempt(s)`)
  return {
    name: 'outbox',
    statement: 'every email sent, skipped or parked: none pending or being sent after the drain',
    checked: emails.length,
    violations,
  }
}

function oneLiveBooking(
  items: readonly Item[],
  bookings: BookingItem[],
  bookingById: Map<string, BookingItem>,
): InvariantCheck {
  const violations: string[] = []
  const live = new Map<string, string[]>()
  for (const booking of bookings.filter((booking) => isLive(booking.status))) {
    const person = `${booking.sessionId}|${booking.emailKey}`
    live.set(person, [...(live.get(person) ?? []), booking.id])
  }
  for (const [person, ids] of live) {
    if (ids.length > 1) {
      const [sessionId] = person.split('|')
      violations.push(
        `session ${sessionId}: one person holds ${ids.length} live bookings (${ids.sort().join(', ')})`,
      )
    }
  }
  const locks = new Map<string, string>()
  for (const lock of items.filter((item) => item.type === 'person-lock')) {
    locks.set(`${lock.pk}|${lock.sk}`, String(lock.bookingId))
    const booking = bookingById.get(String(lock.bookingId))
    if (!booking || !isLive(booking.status)) {
      violations.push(
        `session ${sessionIdOf(lock.pk)}: a person's lock is held by booking ${lock.bookingId}, ${booking ? booking.status : 'which does not exist'}`,
      )
    }
  }
  for (const booking of bookings.filter((booking) => isLive(booking.status))) {
    const { pk, sk } = keys.sessionPerson(booking.sessionId, booking.emailKey)
    if (locks.get(`${pk}|${sk}`) !== booking.id) {
      violations.push(
        `session ${booking.sessionId}: live booking ${booking.id} does not hold its person's lock`,
      )
    }
  }
  return {
    name: 'one live booking',
    statement: 'at most one live booking per email per session, each holding that person’s lock',
    checked: live.size,
    violations,
  }
}

/** The lines `pnpm bench:soak` prints for the checks: one per check, then up to `shown` breaches each. */
export function describeChecks(checks: readonly InvariantCheck[], shown = 10): string[] {
  return checks.flatMap((check) => [
    `  ${check.violations.length === 0 ? 'PASS' : 'FAIL'}  ${check.name}: ${check.statement} (${check.checked} checked, ${check.violations.length} violations)`,
    ...check.violations.slice(0, shown).map((violation) => `          ${violation}`),
    ...(check.violations.length > shown ? [`          … and ${check.violations.length - shown} more`] : []),
  ])
}
