import type { InterestAlertStore } from '../alert-ports.ts'
import type { CatalogueRepository, Clock, SessionStore } from '../ports.ts'
import type { QuestionnaireTemplateVersions, ResultsReaders } from '../results-ports.ts'
import { downloadFileName } from '../rules/csv-files.ts'
import {
  type AreaDemand,
  type CourseDemand,
  demandingAreas,
  isAcademicYear,
  isRepresented,
  type LaFigures,
  laFigures,
  type NationalLa,
  type RegionFigures,
  regionFigures,
  type SatisfactionRow,
  satisfactionRow,
  shareOf,
  unmetCourses,
} from '../rules/national.ts'
import type { DayRange } from '../rules/take-up.ts'
import type { QuestionnaireResponse } from '../schemas/questionnaire.ts'
import type { Session } from '../schemas/session.ts'
import type { TakeUpStats } from '../take-up-ports.ts'
import { addDays, fromLondon } from '../time.ts'
import { bookingResults } from './booking-results.ts'

/** How far ahead the places a course offers are counted: the public search's default year. */
const UPCOMING_MS = 365 * 86_400_000

/** What the national picture reads: aggregates, the schedule, the catalogue, alert counts and responses. */
export interface NationalDeps extends ResultsReaders {
  takeUpStats: TakeUpStats
  sessions: Pick<SessionStore, 'listSessions'>
  catalogue: Pick<CatalogueRepository, 'listCourses' | 'listPartners' | 'listPublishedSessions'>
  alerts: Pick<InterestAlertStore, 'openAlertCounts'>
  clock: Clock
  /** Every LA of England with its region, in the order the picture lists them. */
  laList: readonly NationalLa[]
}

/** Different people reached, by kind; all `null` unless the period is one academic year. */
export interface NationalReach {
  total: number | null
  practitioners: number | null
  parentsAndCarers: number | null
  others: number | null
}

/** The programme's reach, demand and satisfaction over a period, raw, for administrators. */
export interface NationalSummary {
  period: DayRange
  people: NationalReach
  sessions: number
  bookings: number
  attendances: number
  settings: number | null
  las: { represented: number; of: number; share: number }
  byRegion: RegionFigures[]
  byLa: LaFigures[]
  demand: { byCourse: CourseDemand[]; byLa: AreaDemand[] }
  satisfaction: { byCourse: SatisfactionRow[]; byPartner: SatisfactionRow[] }
}

/** Published sessions starting on the period’s London days (drafts and cancelled ones are not run). */
async function sessionsOf(deps: NationalDeps, period: DayRange): Promise<Session[]> {
  const sessions = await deps.sessions.listSessions({
    from: fromLondon(period.from, '00:00'),
    to: fromLondon(addDays(period.to, 1), '00:00'),
  })
  return sessions.filter((session) => session.status === 'published')
}

/** Free places in each course's published sessions starting from now, a year ahead. */
async function placesLeft(deps: NationalDeps): Promise<Map<string, number>> {
  const now = deps.clock.now()
  const places = new Map<string, number>()
  const upcoming = deps.catalogue.listPublishedSessions({
    from: now,
    to: new Date(now.getTime() + UPCOMING_MS),
  })
  for await (const session of upcoming) {
    const free = Math.max(0, session.capacity - session.heldCount)
    places.set(session.courseId, (places.get(session.courseId) ?? 0) + free)
  }
  return places
}

/** Sums `value` of each item by `key`. */
function sumBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number) {
  const sums = new Map<string, number>()
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item))
  return sums
}

/**
 * Each group's satisfaction, from its responses by the one computation of results; groups without
 * a post response left out. Response rates are not shown nationally, so who could answer (every
 * booking of England) is not read: no bookings are given.
 */
async function satisfaction(
  groups: ReadonlyMap<string, QuestionnaireResponse[]>,
  names: ReadonlyMap<string, string>,
  templates: QuestionnaireTemplateVersions,
): Promise<SatisfactionRow[]> {
  const rows = await Promise.all(
    [...groups].map(async ([id, responses]) => {
      const { results } = await bookingResults(templates, [], responses)
      return satisfactionRow(id, names.get(id) ?? id, results)
    }),
  )
  return rows.filter((row) => row.responses > 0).sort((a, b) => a.name.localeCompare(b.name))
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const id = key(item)
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), item])
  }
  return groups
}

/**
 * The national picture over a period: places booked and attendances from the day aggregates,
 * people and settings from the yearly reach when the period is one academic year, sessions
 * from the schedule, demand (people waiting in the period's sessions and open alerts against
 * the free places of each course's sessions to come) and satisfaction by course and partner
 * from the post questionnaires of the period's sessions.
 */
export async function readNationalSummary(deps: NationalDeps, period: DayRange): Promise<NationalSummary> {
  const yearly = isAcademicYear(period)
  const [counts, reach, sessions, courses, partners, places, alertCounts] = await Promise.all([
    deps.takeUpStats.counts(period),
    yearly ? deps.takeUpStats.reach(Number(period.from.slice(0, 4))) : undefined,
    sessionsOf(deps, period),
    deps.catalogue.listCourses(),
    deps.catalogue.listPartners(),
    placesLeft(deps),
    deps.alerts.openAlertCounts(),
  ])
  const byLa = laFigures(deps.laList, counts.byLa, reach?.byLa)
  const represented = deps.laList.filter((la) => isRepresented(counts.byLa.get(la.code))).length

  const titles = new Map(courses.map((course) => [course.id, course.title]))
  const waitingByCourse = sumBy(
    sessions,
    (session) => session.courseId,
    (session) => session.waitingCount,
  )
  const alertsByCourse = sumBy(
    alertCounts,
    (count) => count.courseId,
    (count) => count.open,
  )
  const alertsByLa = sumBy(
    alertCounts,
    (count) => count.laCode,
    (count) => count.open,
  )
  const demandCourses = new Set([...waitingByCourse.keys(), ...alertsByCourse.keys()])

  const responses = await deps.responses.forSessions(sessions.map((session) => session.id))
  // The versions the responses name, read once for every course and partner.
  const refs = responses.map(({ templateId, version }) => ({ templateId, version }))
  const versions = refs.length === 0 ? [] : await deps.templates.templateVersions(refs)
  const templates: QuestionnaireTemplateVersions = { templateVersions: async () => versions }
  const partnerOf = new Map(courses.map((course) => [course.id, course.partnerId]))
  const prePost = responses.filter((response) => response.kind !== 'follow-up')
  return {
    period,
    people: {
      total: reach?.england.people ?? null,
      practitioners: reach?.england.peopleByKind.practitioner ?? null,
      parentsAndCarers: reach?.england.peopleByKind['parent-or-carer'] ?? null,
      others: reach?.england.peopleByKind.other ?? null,
    },
    sessions: sessions.length,
    bookings: counts.england.bookings,
    attendances: counts.england.attended,
    settings: reach?.england.settings ?? null,
    las: { represented, of: deps.laList.length, share: shareOf(represented, deps.laList.length) },
    byRegion: regionFigures(deps.laList, byLa, reach?.byRegion),
    byLa,
    demand: {
      byCourse: unmetCourses(
        [...demandCourses].map((courseId) => ({
          courseId,
          title: titles.get(courseId) ?? courseId,
          waiting: waitingByCourse.get(courseId) ?? 0,
          openAlerts: alertsByCourse.get(courseId) ?? 0,
          placesLeft: places.get(courseId) ?? 0,
        })),
      ),
      byLa: demandingAreas(
        deps.laList.map((la) => ({
          code: la.code,
          name: la.name,
          waiting: counts.byLa.get(la.code)?.waiting ?? 0,
          openAlerts: alertsByLa.get(la.code) ?? 0,
        })),
      ),
    },
    satisfaction: {
      byCourse: await satisfaction(
        groupBy(prePost, (response) => response.courseId),
        titles,
        templates,
      ),
      byPartner: await satisfaction(
        groupBy(prePost, (response) => partnerOf.get(response.courseId)),
        new Map(partners.map((partner) => [partner.id, partner.name])),
        templates,
      ),
    },
  }
}

/** The columns of the national download: one row per LA. */
export const NATIONAL_LA_COLUMNS = [
  'LA code',
  'LA name',
  'Region',
  'People reached',
  'Places booked',
  'Attendances',
  'Waiting',
  'Open interest alerts',
] as const

/**
 * Every LA's row of the national download, in the picture's order: people reached left empty
 * when the period is not one academic year, waiting and open alerts 0 where there are none.
 */
export function nationalLaRows(summary: NationalSummary): (string | number)[][] {
  const regions = new Map(summary.byRegion.map((region) => [region.code, region.name]))
  const demand = new Map(summary.demand.byLa.map((area) => [area.code, area]))
  return summary.byLa.map((la) => [
    la.code,
    la.name,
    regions.get(la.regionCode) ?? '',
    la.people ?? '',
    la.bookings,
    la.attendances,
    demand.get(la.code)?.waiting ?? 0,
    demand.get(la.code)?.openAlerts ?? 0,
  ])
}

/** The national download's file name: as an LA's downloads are named, with England (its ONS code) in the LA's place. */
export function nationalFileName(period: DayRange): string {
  return downloadFileName({ laCode: 'E92000001', laName: 'England', ...period, what: 'national' })
}
