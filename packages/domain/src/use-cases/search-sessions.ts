import type { BookingPolicy } from '../config.ts'
import { ValidationError } from '../errors.ts'
import type { CatalogueRepository, Clock, LocalAuthorities } from '../ports.ts'
import { assertPageWithin, assertRangeWithin, QUERY_BOUNDS } from '../rules/query-bounds.ts'
import { matchesFilter, type SessionFilter } from '../rules/session-search.ts'
import type { Topic } from '../schemas/catalogue.ts'
import { type Session, sessionStart } from '../schemas/session.ts'

const YEAR_MS = 365 * 86_400_000

/** What the session search reads. */
export interface SessionSearchDeps {
  catalogue: CatalogueRepository
  clock: Clock
  las: LocalAuthorities
  policy: BookingPolicy
}

/** A place in the listing's order (start, then id): a page starts just after it. */
export interface ListingPosition {
  /** The session's first start, UTC ISO 8601. */
  startsAt: string
  id: string
}

/** A search: the filters, the range of starts [from, to), and the page wanted. */
export interface SessionSearch extends SessionFilter {
  /** Default: now. */
  from?: Date
  /** Default: a year after `from`. */
  to?: Date
  /** Where the previous page ended. */
  after?: ListingPosition
  limit: number
}

/** A session found, with its course's topics. */
export interface FoundSession {
  session: Session
  topics: readonly Topic[]
}

/** A page of the search, and where the next page starts when there is one. */
export interface SessionSearchPage {
  items: FoundSession[]
  next?: ListingPosition
}

/**
 * Published sessions starting in [from, to) that match the filters, in start order, a page at a
 * time. A range longer than `QUERY_BOUNDS.sessionSearchDays` or a page larger than
 * `QUERY_BOUNDS.pageSize` throws `beyond-bounds` before anything is read. The listing is read only until one match more than a page is found: that one only tells
 * that a next page exists.
 */
export async function searchSessions(
  deps: SessionSearchDeps,
  search: SessionSearch,
): Promise<SessionSearchPage> {
  const { from = deps.clock.now(), after, limit, ...filter } = search
  const to = search.to ?? new Date(from.getTime() + YEAR_MS)
  if (to <= from) {
    throw new ValidationError([{ field: 'to', message: 'The end of the range must be after its start' }])
  }
  assertRangeWithin({ from, to }, QUERY_BOUNDS.sessionSearchDays)
  assertPageWithin(limit)
  const topics = new Map<string, readonly Topic[]>(
    (await deps.catalogue.listCourses()).map((course) => [course.id, course.topics]),
  )
  const found: FoundSession[] = []
  for await (const session of deps.catalogue.listPublishedSessions({
    from,
    to,
    ...(after ? { after } : {}),
  })) {
    const courseTopics = topics.get(session.courseId) ?? []
    if (!matchesFilter(session, courseTopics, filter, deps)) continue
    found.push({ session, topics: courseTopics })
    if (found.length > limit) break
  }
  const items = found.slice(0, limit)
  const last = items.at(-1)?.session
  return found.length > limit && last ? { items, next: positionOf(last) } : { items }
}

/** Where `session` stands in the listing's order. */
function positionOf(session: Session): ListingPosition {
  return { startsAt: sessionStart(session).toISOString(), id: session.id }
}
