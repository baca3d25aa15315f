import {
  type BookingPolicy,
  IdSchema,
  isEligibleLa,
  isTwilight,
  placesLeft,
  type Session,
  type SessionFormat,
  sessionStart,
  type Topic,
} from '@ey/domain'
import { localAuthority } from '@ey/reference-data'

/** Where the next page starts: just after this session in (start, id) order. */
export interface Cursor {
  startsAt: string
  id: string
}

/** The opaque cursor after `session`: base64url of its UTC start and id. */
export function encodeCursor(session: Session): string {
  return Buffer.from(`${sessionStart(session).toISOString()}#${session.id}`).toString('base64url')
}

/** The position a cursor names, or undefined when it is not one this API made. */
export function decodeCursor(cursor: string): Cursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined
  const [startsAt = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('#')
  const start = new Date(startsAt)
  if (rest.length > 0 || Number.isNaN(start.getTime()) || start.toISOString() !== startsAt) return undefined
  return IdSchema.safeParse(id).success ? { startsAt, id } : undefined
}

/** What a person looking for a session asked for; every field narrows the list. */
export interface SessionFilter {
  topic?: Topic
  format?: SessionFormat
  twilight?: boolean
  /** The LA a person comes from (ONS code). */
  la?: string
  available?: boolean
}

/**
 * Whether `session` is one the person is looking for. With an LA: they must be allowed to book
 * it (open to all, or bespoke for their LA), and an in-person session must be held in their LA's
 * region, since a venue across the country is of no use to them; online and hybrid ones can be
 * joined from anywhere.
 */
export function matchesFilter(
  session: Session,
  topics: readonly Topic[],
  filter: SessionFilter,
  policy: BookingPolicy,
): boolean {
  if (filter.topic && !topics.includes(filter.topic)) return false
  if (filter.format && session.format !== filter.format) return false
  if (filter.twilight !== undefined && isTwilight(sessionStart(session), policy) !== filter.twilight)
    return false
  if (filter.available !== undefined && placesLeft(session) > 0 !== filter.available) return false
  if (filter.la) {
    if (!isEligibleLa(session, filter.la)) return false
    if (session.format === 'in-person') {
      const venueRegion = session.venue && localAuthority(session.venue.laCode)?.regionCode
      if (!venueRegion || venueRegion !== localAuthority(filter.la)?.regionCode) return false
    }
  }
  return true
}

/**
 * Reads sessions in start order and keeps those that match, stopping once one more than a page
 * is found: that extra one only tells that a next page exists.
 */
export async function findPage(
  sessions: AsyncIterable<Session>,
  keep: (session: Session) => boolean,
  limit: number,
): Promise<{ items: Session[]; nextCursor: string | null }> {
  const found: Session[] = []
  for await (const session of sessions) {
    if (!keep(session)) continue
    found.push(session)
    if (found.length > limit) break
  }
  const items = found.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: found.length > limit && last ? encodeCursor(last) : null }
}
