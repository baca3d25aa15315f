import type { InterestAlertStore } from '../alert-ports.ts'
import { AccessDeniedError } from '../errors.ts'
import type { CatalogueRepository, Clock, LocalAuthorities } from '../ports.ts'
import type { QuestionnaireResponses, QuestionnaireTemplateVersions } from '../results-ports.ts'
import { laTakeUp } from '../rules/la-take-up.ts'
import {
  type AreaTakeUpTotals,
  areaTotals,
  presentAreaTotals,
  presentLaTakeUp,
  type ShownAreaTotals,
  type ShownLaTakeUp,
} from '../rules/la-take-up-presentation.ts'
import { type PresentedResults, presentResults } from '../rules/results-presentation.ts'
import { canSeeLa } from '../rules/staff-access.ts'
import { academicYearOf, type DayRange, reportPeriod } from '../rules/take-up.ts'
import type { Booking } from '../schemas/booking.ts'
import type { QuestionnaireResponse } from '../schemas/questionnaire.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'
import type { LaBookings, TakeUpCounts, TakeUpStats } from '../take-up-ports.ts'
import { bookingResults } from './booking-results.ts'

/** What an LA's summary reads: the LA's own items, and the aggregates for its region and England. */
export interface LaSummaryDeps {
  laBookings: Pick<LaBookings, 'pages'>
  catalogue: Pick<CatalogueRepository, 'listCourses'>
  responses: Pick<QuestionnaireResponses, 'forBookings'>
  templates: QuestionnaireTemplateVersions
  alerts: Pick<InterestAlertStore, 'openAlertCounts'>
  takeUpStats: TakeUpStats
  las: LocalAuthorities
  clock: Clock
}

/** An LA's summary of a period as the LA sees it (every count a number or `c`). */
export interface LaSummaryReport extends ShownLaTakeUp {
  laCode: string
  regionCode: string
  period: DayRange
  results: PresentedResults
  region: { code: string; totals: ShownAreaTotals }
  england: { totals: ShownAreaTotals }
}

const NO_COUNTS: TakeUpCounts = { bookings: 0, attended: 0, noShows: 0, lateCancellations: 0, waiting: 0 }
const NO_REACH = { people: 0, settings: 0 }

function addCounts(a: TakeUpCounts, b: TakeUpCounts): TakeUpCounts {
  return {
    bookings: a.bookings + b.bookings,
    attended: a.attended + b.attended,
    noShows: a.noShows + b.noShows,
    lateCancellations: a.lateCancellations + b.lateCancellations,
    waiting: a.waiting + b.waiting,
  }
}

/**
 * The region's and England's totals from the aggregates: the region's counts are the sum of its
 * LAs'; people and settings come from the year's reach only when the period is exactly one
 * academic year.
 */
async function areasOf(
  deps: LaSummaryDeps,
  regionCode: string,
  period: DayRange,
): Promise<{ region: AreaTakeUpTotals; england: AreaTakeUpTotals }> {
  const year = academicYearOf(period.from)
  const oneYear = year.from === period.from && year.to === period.to
  const [counts, reach] = await Promise.all([
    deps.takeUpStats.counts(period),
    oneYear ? deps.takeUpStats.reach(Number(year.from.slice(0, 4))) : undefined,
  ])
  const regionCounts = [...counts.byLa]
    .filter(([laCode]) => deps.las.regionOf(laCode) === regionCode)
    .reduce((total, [, count]) => addCounts(total, count), NO_COUNTS)
  return {
    region: areaTotals(regionCounts, reach ? (reach.byRegion.get(regionCode) ?? NO_REACH) : null),
    england: areaTotals(counts.england, reach ? reach.england : null),
  }
}

/** The LA's bookings of the period and their responses, each page's responses read while the next page is. */
async function bookingsAndResponses(
  deps: LaSummaryDeps,
  laCode: string,
  period: DayRange,
): Promise<{ bookings: Booking[]; responses: QuestionnaireResponse[] }> {
  const bookings: Booking[] = []
  const reads: Promise<QuestionnaireResponse[]>[] = []
  for await (const page of deps.laBookings.pages(laCode, period)) {
    bookings.push(...page)
    const read = deps.responses.forBookings(page.map((booking) => booking.id))
    // Awaited with the others below; until then a failure must not count as unhandled.
    read.catch(() => undefined)
    reads.push(read)
  }
  return { bookings, responses: (await Promise.all(reads)).flat() }
}

/**
 * An LA's take-up of a period, as the LA sees it whoever asks (the small-number rule always
 * applies): its bookings, people, settings, months, courses, topics, roles and setting types,
 * its people's questionnaire results, its unmet demand, and its region's and England's totals.
 * Reads only the LA's own items (its bookings, their responses, its alert counts) and the
 * aggregates. An LA officer may ask only for their own LAs, an administrator for any:
 * `AccessDeniedError` (403) otherwise, before the period asked for is looked at (`reportPeriod`),
 * so that a caller outside the LA learns nothing from how their query is answered.
 */
export async function readLaSummary(
  deps: LaSummaryDeps,
  principal: StaffPrincipal,
  query: { laCode: string; period: Partial<DayRange> },
): Promise<LaSummaryReport> {
  const { laCode } = query
  if (!canSeeLa(principal, laCode)) {
    throw new AccessDeniedError(403, 'This summary is of an LA that is not yours.')
  }
  const period = reportPeriod(query.period, deps.clock.now())
  const regionCode = deps.las.regionOf(laCode) ?? ''
  const [{ bookings, responses }, courses, openAlerts, areas] = await Promise.all([
    bookingsAndResponses(deps, laCode, period),
    deps.catalogue.listCourses(),
    deps.alerts.openAlertCounts(),
    areasOf(deps, regionCode, period),
  ])
  const { results } = await bookingResults(deps.templates, bookings, responses)
  return {
    laCode,
    regionCode,
    period,
    ...presentLaTakeUp(laTakeUp({ laCode, period, bookings, courses, openAlerts })),
    results: presentResults(results, { suppress: true }),
    region: { code: regionCode, totals: presentAreaTotals(areas.region) },
    england: { totals: presentAreaTotals(areas.england) },
  }
}
