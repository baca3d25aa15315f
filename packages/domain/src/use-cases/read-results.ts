import { AccessDeniedError, DomainError, ValidationError } from '../errors.ts'
import type { LocalAuthorities, SessionStore } from '../ports.ts'
import type { RegisterRepository } from '../register-ports.ts'
import type { ResultsReaders } from '../results-ports.ts'
import { type FreeTextAnswers, freeTextAnswers } from '../rules/free-text.ts'
import { type PresentedResults, presentResults } from '../rules/results-presentation.ts'
import { canRunSession } from '../rules/staff-access.ts'
import type { Session } from '../schemas/session.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'
import { bookingResults } from './booking-results.ts'

/** What results read: sessions, their bookings (who could answer), the responses and their templates. */
export interface ResultsDeps extends ResultsReaders {
  sessions: Pick<SessionStore, 'getSession' | 'listSessions'>
  registers: Pick<RegisterRepository, 'sessionBookings'>
  las: LocalAuthorities
}

/** Which results: one session, or the sessions starting in [from, to) (of one course), narrowed to an LA or region. */
export interface ResultsQuery {
  sessionId?: string
  courseId?: string
  /** ONS code: only people from this LA. */
  la?: string
  /** Region code: only people from LAs in this region. */
  region?: string
  from?: Date
  to?: Date
}

/** Results as the caller may see them, with free text only for administrators and the session's trainers. */
export interface ResultsReport {
  results: PresentedResults
  /** How many sessions were read. */
  sessions: number
  /** Absent for LA officers. */
  freeText?: FreeTextAnswers[]
}

async function chooseSessions(deps: ResultsDeps, query: ResultsQuery): Promise<Session[]> {
  if (query.sessionId) {
    const session = await deps.sessions.getSession(query.sessionId)
    if (!session) throw new DomainError('session-not-found')
    return query.courseId && session.courseId !== query.courseId ? [] : [session]
  }
  const { from, to } = query
  if (!from || !to) {
    throw new ValidationError([
      { field: from ? 'to' : 'from', message: 'Give a session, or the first and last days of a period' },
    ])
  }
  if (to <= from)
    throw new ValidationError([{ field: 'to', message: 'The last day must not be before the first' }])
  const sessions = await deps.sessions.listSessions({ from, to })
  return sessions.filter((session) => !query.courseId || session.courseId === query.courseId)
}

/**
 * Who sees what: administrators everything, raw; a trainer the sessions they train, raw, free text
 * included; an LA officer only people from their LAs (the `la` asked for must be one of them),
 * with the small-number rule applied and never free text.
 */
function accessOf(principal: StaffPrincipal, query: ResultsQuery, sessions: Session[]) {
  if (principal.roles.includes('admin')) return { laCodes: undefined, suppress: false, freeText: true }
  if (query.sessionId && sessions.every((session) => canRunSession(principal, session))) {
    return { laCodes: undefined, suppress: false, freeText: true }
  }
  if (principal.roles.includes('la-officer')) {
    if (query.la && !principal.laCodes.includes(query.la)) {
      throw new AccessDeniedError(403, 'These results are of an LA that is not yours.')
    }
    return { laCodes: new Set(query.la ? [query.la] : principal.laCodes), suppress: true, freeText: false }
  }
  throw new AccessDeniedError(
    403,
    query.sessionId
      ? 'You do not train this session.'
      : 'Results across sessions are for administrators and LA officers.',
  )
}

/**
 * The results of the chosen sessions for this caller: the responses and bookings of people from
 * the LAs in scope, computed once by `bookingResults`.
 */
export async function readResults(
  deps: ResultsDeps,
  principal: StaffPrincipal,
  query: ResultsQuery,
): Promise<ResultsReport> {
  const sessions = await chooseSessions(deps, query)
  const access = accessOf(principal, query, sessions)
  const laCodes = access.laCodes ?? (query.la ? new Set([query.la]) : undefined)
  const inScope = (laCode: string) =>
    (!laCodes || laCodes.has(laCode)) && (!query.region || deps.las.regionOf(laCode) === query.region)
  const ids = sessions.map((session) => session.id)
  const responses = (await deps.responses.forSessions(ids)).filter((response) => inScope(response.laCode))
  const bookings = (await Promise.all(ids.map((id) => deps.registers.sessionBookings(id))))
    .flat()
    .filter((booking) => inScope(booking.person.laCode))
  const { results, templates } = await bookingResults(deps.templates, bookings, responses)
  return {
    results: presentResults(results, { suppress: access.suppress }),
    sessions: sessions.length,
    ...(access.freeText ? { freeText: freeTextAnswers(responses, templates) } : {}),
  }
}
