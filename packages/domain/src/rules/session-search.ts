import type { BookingPolicy } from '../config.ts'
import type { LocalAuthorities } from '../ports.ts'
import type { Topic } from '../schemas/catalogue.ts'
import { type Session, type SessionFormat, sessionStart } from '../schemas/session.ts'
import { isEligibleLa, isTwilight, placesLeft } from './session-rules.ts'

/** What a person looking for a session asked for; every field narrows the list. */
export interface SessionFilter {
  /** Sessions of this course only. */
  course?: string
  topic?: Topic
  format?: SessionFormat
  twilight?: boolean
  /** The LA a person comes from (ONS code). */
  la?: string
  available?: boolean
}

/**
 * Whether `session` (of a course with `topics`) is one the person is looking for. With an LA:
 * they must be allowed to book it (open to all, or bespoke for their LA), and an in-person session
 * must be held in their LA's region, since a venue across the country is of no use to them;
 * online and hybrid ones can be joined from anywhere.
 */
export function matchesFilter(
  session: Session,
  topics: readonly Topic[],
  filter: SessionFilter,
  context: { policy: BookingPolicy; las: LocalAuthorities },
): boolean {
  if (filter.course && session.courseId !== filter.course) return false
  if (filter.topic && !topics.includes(filter.topic)) return false
  if (filter.format && session.format !== filter.format) return false
  if (filter.twilight !== undefined && isTwilight(sessionStart(session), context.policy) !== filter.twilight)
    return false
  if (filter.available !== undefined && placesLeft(session) > 0 !== filter.available) return false
  if (filter.la) {
    if (!isEligibleLa(session, filter.la)) return false
    if (session.format === 'in-person') {
      const venueRegion = session.venue && context.las.regionOf(session.venue.laCode)
      if (!venueRegion || venueRegion !== context.las.regionOf(filter.la)) return false
    }
  }
  return true
}
