import type { TakeUpCounts, TakeUpReach } from '../take-up-ports.ts'
import { suppressCourseMonth, suppressOutcomes } from './course-month-table.ts'
import type { BookedAndAttended, LaTakeUp, LaTakeUpTotals } from './la-take-up.ts'
import { type ShownCount, type ShownTable, SUPPRESSED, suppressCount, suppressList } from './small-numbers.ts'

type ShownCounts<T> = { [K in keyof T]: T[K] extends number ? ShownCount : T[K] }

/** An LA's take-up as the LA sees it: every count a number or `c`. */
export interface ShownLaTakeUp {
  totals: ShownCounts<LaTakeUpTotals>
  byMonth: ShownCounts<LaTakeUp['byMonth'][number]>[]
  byCourse: ShownCounts<LaTakeUp['byCourse'][number]>[]
  byTopic: ShownCounts<Omit<LaTakeUp['byTopic'][number], 'courseIds'>>[]
  byRole: ShownCounts<LaTakeUp['byRole'][number]>[]
  bySettingType: ShownCounts<LaTakeUp['bySettingType'][number]>[]
  demand: {
    waiting: ShownCount
    openAlerts: ShownCount
    byCourse: ShownCounts<LaTakeUp['demand']['byCourse'][number]>[]
  }
}

/**
 * An LA's take-up as the LA sees it, whoever asks. Places booked and attended, by course and month,
 * and what became of them over the period, are suppressed together (`suppressCourseMonth`, as the
 * summary download is): the totals, the months and the courses are that table's totals, so no
 * figure hidden in one can be worked out from another, here or in the download. A topic is a sum
 * of courses, so it is hidden where one of its courses is. People are one figure with the two
 * lists that add up to them (roles, setting types), and the demand totals with demand by course,
 * each hidden where the other is. Settings are a count (`suppressCount`).
 */
export function presentLaTakeUp(takeUp: LaTakeUp): ShownLaTakeUp {
  const { totals, demand } = takeUp
  const table = suppressCourseMonth(takeUp.byCourseMonth, takeUp.courseOrder)
  const byMeasure = (pick: (shown: ShownTable) => readonly ShownCount[] | undefined, keys: string[]) => {
    const shown = (measure: keyof BookedAndAttended) =>
      new Map(keys.map((key, index) => [key, pick(table[measure])?.[index] ?? 0]))
    return { bookings: shown('bookings'), attended: shown('attended') }
  }
  const months = byMeasure((shown) => shown.columnTotals, table.months)
  const courses = byMeasure((shown) => shown.rowTotals, table.courses)
  const topicFigure = (row: LaTakeUp['byTopic'][number], measure: keyof BookedAndAttended) =>
    row.courseIds.some((id) => courses[measure].get(id) === SUPPRESSED)
      ? SUPPRESSED
      : suppressCount(row[measure])
  const people = linkedLists(totals.people, [
    takeUp.byRole.map((row) => row.people),
    takeUp.bySettingType.map((row) => row.people),
  ])
  const waiting = linkedLists(demand.waiting, [demand.byCourse.map((row) => row.waiting)])
  const openAlerts = linkedLists(demand.openAlerts, [demand.byCourse.map((row) => row.openAlerts)])
  return {
    totals: {
      ...table.outcomes,
      people: people.total,
      settings: suppressCount(totals.settings),
    },
    byMonth: takeUp.byMonth.map((row) => ({
      month: row.month,
      bookings: months.bookings.get(row.month) ?? 0,
      attended: months.attended.get(row.month) ?? 0,
    })),
    byCourse: takeUp.byCourse.map((row) => ({
      courseId: row.courseId,
      title: row.title,
      bookings: courses.bookings.get(row.courseId) ?? 0,
      attended: courses.attended.get(row.courseId) ?? 0,
    })),
    byTopic: takeUp.byTopic.map((row) => ({
      topic: row.topic,
      bookings: topicFigure(row, 'bookings'),
      attended: topicFigure(row, 'attended'),
    })),
    byRole: takeUp.byRole.map((row, index) => ({ ...row, people: people.lists[0]?.[index] ?? 0 })),
    bySettingType: takeUp.bySettingType.map((row, index) => ({
      ...row,
      people: people.lists[1]?.[index] ?? 0,
    })),
    demand: {
      waiting: waiting.total,
      openAlerts: openAlerts.total,
      byCourse: demand.byCourse.map((row, index) => ({
        ...row,
        waiting: waiting.lists[0]?.[index] ?? 0,
        openAlerts: openAlerts.lists[0]?.[index] ?? 0,
      })),
    },
  }
}

/**
 * A total and the lists that each add up to it (people by role and by setting type), through
 * `suppressList`: where one list has to hide the total, every list hides it, so that none shows
 * in full what another hides.
 */
function linkedLists(
  total: number,
  lists: readonly (readonly number[])[],
): { total: ShownCount; lists: ShownCount[][] } {
  let hidden = suppressCount(total) === SUPPRESSED
  for (;;) {
    const shown = lists.map((counts) => suppressList(counts, { total: hidden }))
    if (!hidden && shown.some((list) => list.total === SUPPRESSED)) {
      hidden = true
      continue
    }
    return { total: hidden ? SUPPRESSED : total, lists: shown.map((list) => list.counts) }
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
    ...suppressOutcomes(totals),
    people: count(totals.people),
    settings: count(totals.settings),
  }
}
