import type { TakeUpCounts, TakeUpReach } from '../take-up-ports.ts'
import type { BookedAndAttended, LaTakeUp, LaTakeUpTotals } from './la-take-up.ts'
import { type ShownCount, suppressCount, suppressList } from './small-numbers.ts'

type ShownCounts<T> = { [K in keyof T]: T[K] extends number ? ShownCount : T[K] }

/** An LA's take-up as the LA sees it: every count a number or `c`. */
export interface ShownLaTakeUp {
  totals: ShownCounts<LaTakeUpTotals>
  byMonth: ShownCounts<LaTakeUp['byMonth'][number]>[]
  byCourse: ShownCounts<LaTakeUp['byCourse'][number]>[]
  byTopic: ShownCounts<LaTakeUp['byTopic'][number]>[]
  byRole: ShownCounts<LaTakeUp['byRole'][number]>[]
  bySettingType: ShownCounts<LaTakeUp['bySettingType'][number]>[]
  demand: {
    waiting: ShownCount
    openAlerts: ShownCount
    byCourse: ShownCounts<LaTakeUp['demand']['byCourse'][number]>[]
  }
}

/** Each of `columns` of the rows through `suppressList` against its own total (the column's sum). */
function suppressColumns<R extends object, C extends keyof R & string>(
  rows: readonly R[],
  columns: readonly C[],
) {
  const shown = columns.map((column) => suppressList(rows.map((row) => Number(row[column]))).counts)
  return rows.map((row, index) => ({
    ...row,
    ...Object.fromEntries(columns.map((column, c) => [column, shown[c]?.[index]])),
  })) as ShownCounts<R>[]
}

/**
 * An LA's take-up as the LA sees it, whoever asks. The places booked and what became of them are
 * one list (`outcomes`); people and settings are counts (`suppressCount`); the
 * months and the courses are each a list against the period's bookings and attended
 * (`suppressList`), so a hidden month or course cannot be worked out from the total and the
 * others; roles and setting types are lists against the people, demand by course against the
 * demand totals. Topics do not add up to a total (a course can have several), so each is a count.
 */
export function presentLaTakeUp(takeUp: LaTakeUp): ShownLaTakeUp {
  const { totals, demand } = takeUp
  const booked: (keyof BookedAndAttended)[] = ['bookings', 'attended']
  return {
    totals: {
      ...outcomes(totals),
      people: suppressCount(totals.people),
      settings: suppressCount(totals.settings),
    },
    byMonth: suppressColumns(takeUp.byMonth, booked),
    byCourse: suppressColumns(takeUp.byCourse, booked),
    byTopic: takeUp.byTopic.map((row) => ({
      topic: row.topic,
      bookings: suppressCount(row.bookings),
      attended: suppressCount(row.attended),
    })),
    byRole: suppressColumns(takeUp.byRole, ['people']),
    bySettingType: suppressColumns(takeUp.bySettingType, ['people']),
    demand: {
      waiting: suppressCount(demand.waiting),
      openAlerts: suppressCount(demand.openAlerts),
      byCourse: suppressColumns(demand.byCourse, ['waiting', 'openAlerts']),
    },
  }
}

/**
 * Places booked as a list of what became of them (attended, no-show, late-cancelled, still booked)
 * with its total, through `suppressList`: for a period that is over, bookings are attended plus
 * no-shows plus late cancellations, so hiding one of these alone would give it away.
 */
function outcomes(totals: Pick<LaTakeUpTotals, 'bookings' | 'attended' | 'noShows' | 'lateCancellations'>) {
  const { bookings, attended, noShows, lateCancellations } = totals
  const shown = suppressList([
    attended,
    noShows,
    lateCancellations,
    bookings - attended - noShows - lateCancellations,
  ])
  const [shownAttended = 0, shownNoShows = 0, shownLate = 0] = shown.counts
  return {
    bookings: shown.total,
    attended: shownAttended,
    noShows: shownNoShows,
    lateCancellations: shownLate,
  }
}

/** A whole area's counts (a region, England): people and settings only for one academic year. */
export interface AreaTakeUpTotals extends Omit<LaTakeUpTotals, 'people' | 'settings'> {
  people: number | null
  settings: number | null
}

/** An area's totals as an LA sees them. */
export type ShownAreaTotals = ShownCounts<Omit<AreaTakeUpTotals, 'people' | 'settings'>> & {
  people: ShownCount | null
  settings: ShownCount | null
}

/**
 * An area's totals from the aggregates: the counts of the period and, when the period is one
 * academic year, the area's reach in it (`null` otherwise: people cannot be added up across days).
 */
export function areaTotals(
  counts: TakeUpCounts,
  reach: Pick<TakeUpReach, 'people' | 'settings'> | null,
): AreaTakeUpTotals {
  return {
    bookings: counts.bookings,
    attended: counts.attended,
    noShows: counts.noShows,
    lateCancellations: counts.lateCancellations,
    people: reach?.people ?? null,
    settings: reach?.settings ?? null,
  }
}

/** An area's totals as an LA sees them: places booked as `outcomes`, people and settings counts, `null` staying `null`. */
export function presentAreaTotals(totals: AreaTakeUpTotals): ShownAreaTotals {
  const count = (value: number | null) => (value === null ? null : suppressCount(value))
  return {
    ...outcomes(totals),
    people: count(totals.people),
    settings: count(totals.settings),
  }
}
