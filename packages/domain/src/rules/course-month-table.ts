import {
  type HiddenFigures,
  type ShownCount,
  type ShownTable,
  SUPPRESSED,
  suppressList,
  suppressTable,
} from './small-numbers.ts'
import type { TakeUpFacts } from './take-up.ts'

/** The counts an LA's summary download shows, by course and month. */
export const COURSE_MONTH_MEASURES = ['bookings', 'attended'] as const
export type CourseMonthMeasure = (typeof COURSE_MONTH_MEASURES)[number]

/** A course's places booked in a month, and what became of them. */
export interface CourseMonthCounts extends Record<CourseMonthMeasure, number> {
  noShows: number
  lateCancellations: number
}

/** Counts by course id, then by month (`YYYY-MM` of the London day the session starts on). */
export type CourseMonthTally = Map<string, Map<string, CourseMonthCounts>>

/** Adds a booking's take-up facts to the tally; a booking that counts nowhere adds no line. */
export function tallyCourseMonth(tally: CourseMonthTally, facts: TakeUpFacts): void {
  if (facts.booked === 0) return
  const months = tally.get(facts.courseId) ?? new Map()
  const month = facts.day.slice(0, 7)
  const counts = months.get(month) ?? { bookings: 0, attended: 0, noShows: 0, lateCancellations: 0 }
  counts.bookings += facts.booked
  counts.attended += facts.attended
  counts.noShows += facts.noShows
  counts.lateCancellations += facts.lateCancellations
  months.set(month, counts)
  tally.set(facts.courseId, months)
}

/** An LA's places booked and attended by course and month, and the period's outcomes, as the LA may see them. */
export interface ShownCourseMonth {
  /** The rows of both tables, in order: courses given first, then any other in the tally. */
  courses: string[]
  /** The columns: months with a place booked, in order. */
  months: string[]
  /** Places booked: courses × months with each course's, each month's and the period's total. */
  bookings: ShownTable
  /** Places attended, in the same shape. */
  attended: ShownTable
  /** The period's places booked and what became of them (the rest are still booked). */
  outcomes: Outcomes<ShownCount>
}

/** A place in a table with its totals: a cell, a row's or a column's total, or the grand total. */
type Place = { row: number; column: number } | { row: number } | { column: number } | Record<string, never>

/** Which figures of a table are hidden, with every total. */
type Mask = { cells: boolean[][]; rowTotals: boolean[]; columnTotals: boolean[]; total: boolean }

function placesOf(rows: number, columns: number): Place[] {
  const row = Array.from({ length: rows }, (_, r) => r)
  const column = Array.from({ length: columns }, (_, c) => c)
  return [
    ...row.flatMap((r) => column.map((c) => ({ row: r, column: c }))),
    ...row.map((r) => ({ row: r })),
    ...column.map((c) => ({ column: c })),
    {},
  ]
}

function valueAt(cells: readonly (readonly number[])[], place: Place): number {
  const inRow = (r: number) => cells[r] ?? []
  if ('row' in place && 'column' in place) return inRow(place.row)[place.column] ?? 0
  if ('row' in place) return sum(inRow(place.row))
  if ('column' in place) return sum(cells.map((line) => line[place.column] ?? 0))
  return sum(cells.flat())
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

function hiddenAt(mask: HiddenFigures, place: Place): boolean {
  if ('row' in place && 'column' in place) return mask.cells?.[place.row]?.[place.column] ?? false
  if ('row' in place) return mask.rowTotals?.[place.row] ?? false
  if ('column' in place) return mask.columnTotals?.[place.column] ?? false
  return mask.total ?? false
}

function hide(mask: Mask, place: Place): void {
  if ('row' in place && 'column' in place) mask.cells[place.row]?.splice(place.column, 1, true)
  else if ('row' in place) mask.rowTotals[place.row] = true
  else if ('column' in place) mask.columnTotals[place.column] = true
  else mask.total = true
}

function noneHidden(rows: number, columns: number): Mask {
  return {
    cells: Array.from({ length: rows }, () => Array.from({ length: columns }, () => false)),
    rowTotals: Array.from({ length: rows }, () => false),
    columnTotals: Array.from({ length: columns }, () => false),
    total: false,
  }
}

function maskOf(table: ShownTable): Mask {
  const hidden = (figures: readonly ShownCount[] = []) => figures.map((figure) => figure === SUPPRESSED)
  return {
    cells: table.cells.map((line) => hidden(line)),
    rowTotals: hidden(table.rowTotals),
    columnTotals: hidden(table.columnTotals),
    total: table.total === SUPPRESSED,
  }
}

/**
 * An LA's course × month tables of places booked and attended, and the period's outcomes, as the
 * LA may see them: on the dashboard (its months, courses and totals are these tables' totals) and
 * in the summary download. Each goes through the small-number rule (`suppressTable`,
 * `suppressList`), and then, because they share figures, each hides what the others hide:
 *
 * - booked minus attended (places not attended) is known wherever both are shown, so it is a
 *   table of its own, with a figure unknown wherever either is hidden; when that table has to hide
 *   a figure both others show (a small count, or one that would give a hidden one away), the
 *   attended figure there is hidden too (the booked one when nobody attended);
 * - the outcomes list (attended, no-shows, late cancellations, still booked, against the places
 *   booked) shares its attended figure and its total with the tables' grand totals.
 *
 * Hidden figures only grow from one round to the next, so the rounds end.
 */
export function suppressCourseMonth(
  tally: CourseMonthTally,
  courseIds: readonly string[] = [],
): ShownCourseMonth {
  const courses = [...new Set([...courseIds.filter((id) => tally.has(id)), ...tally.keys()])]
  const months = [...new Set([...tally.values()].flatMap((byMonth) => [...byMonth.keys()]))].sort()
  const cellsOf = (pick: (counts: CourseMonthCounts) => number) =>
    courses.map((course) =>
      months.map((month) => {
        const counts = tally.get(course)?.get(month)
        return counts ? pick(counts) : 0
      }),
    )
  const booked = cellsOf((counts) => counts.bookings)
  const attended = cellsOf((counts) => counts.attended)
  const notAttended = cellsOf((counts) => counts.bookings - counts.attended)
  const [noShows, lateCancellations] = [
    sum(cellsOf((counts) => counts.noShows).flat()),
    sum(cellsOf((counts) => counts.lateCancellations).flat()),
  ]
  const total = { booked: sum(booked.flat()), attended: sum(attended.flat()) }
  const places = placesOf(courses.length, months.length)
  const alsoBooked = noneHidden(courses.length, months.length)
  const alsoAttended = noneHidden(courses.length, months.length)
  for (;;) {
    const bookedShown = suppressTable(booked, undefined, alsoBooked)
    const attendedShown = suppressTable(attended, undefined, alsoAttended)
    const [bookedHidden, attendedHidden] = [maskOf(bookedShown), maskOf(attendedShown)]
    const eitherHidden = noneHidden(courses.length, months.length)
    for (const place of places)
      if (hiddenAt(bookedHidden, place) || hiddenAt(attendedHidden, place)) hide(eitherHidden, place)
    const notAttendedHidden = maskOf(suppressTable(notAttended, undefined, eitherHidden))
    const outcomes = suppressOutcomes(
      {
        bookings: total.booked,
        attended: total.attended,
        noShows,
        lateCancellations,
      },
      { attended: attendedHidden.total, bookings: bookedHidden.total },
    )
    let more = false
    for (const place of places) {
      if (!hiddenAt(notAttendedHidden, place) || hiddenAt(eitherHidden, place)) continue
      hide(valueAt(attended, place) > 0 ? alsoAttended : alsoBooked, place)
      more = true
    }
    if (outcomes.attended === SUPPRESSED && !attendedHidden.total) {
      alsoAttended.total = true
      more = true
    }
    if (outcomes.bookings === SUPPRESSED && !bookedHidden.total) {
      alsoBooked.total = true
      more = true
    }
    if (more) continue
    return { courses, months, bookings: bookedShown, attended: attendedShown, outcomes }
  }
}

/** Places booked and what became of them: attended, no-shows, late cancellations (the rest are still booked). */
export type Outcomes<T> = Record<'bookings' | 'attended' | 'noShows' | 'lateCancellations', T>

/**
 * Places booked as a list of what became of them (attended, no-show, late-cancelled, and still
 * booked, which is not shown) with `bookings` as its total, through `suppressList`: for a period
 * that is over, bookings are attended plus no-shows plus late cancellations, so hiding one of these
 * alone would give it away. `alsoHidden` hides `attended` or `bookings` from the start, where
 * another table hides them.
 */
export function suppressOutcomes(
  counts: Outcomes<number>,
  alsoHidden: { attended?: boolean; bookings?: boolean } = {},
): Outcomes<ShownCount> {
  const { bookings, attended, noShows, lateCancellations } = counts
  const shown = suppressList(
    [attended, noShows, lateCancellations, bookings - attended - noShows - lateCancellations],
    {
      counts: [alsoHidden.attended ?? false, false, false, false],
      total: alsoHidden.bookings ?? false,
    },
  )
  const [shownAttended = 0, shownNoShows = 0, shownLate = 0] = shown.counts
  return {
    bookings: shown.total,
    attended: shownAttended,
    noShows: shownNoShows,
    lateCancellations: shownLate,
  }
}

/** One line of the table as shown: a course (or all courses, `null`) in a month (or all months, `null`). */
export type CourseMonthRow = { courseId: string | null; month: string | null } & Record<
  CourseMonthMeasure,
  ShownCount
>

/**
 * The table of an LA's counts by course and month as the LA may see it: a line per course and
 * month that has a place booked, then each course over all months, each month over all courses,
 * and the grand total, suppressed as `suppressCourseMonth` does (so the download and the dashboard
 * hide the same figures, and together give none away). Courses come in the order given (`courseIds`, then any other in the tally), months in order.
 */
export function courseMonthRows(
  tally: CourseMonthTally,
  courseIds: readonly string[] = [],
): CourseMonthRow[] {
  const shown = suppressCourseMonth(tally, courseIds)
  const { courses, months } = shown
  const row = (
    courseId: string | null,
    month: string | null,
    pick: (table: ShownTable) => ShownCount | undefined,
  ) => ({
    courseId,
    month,
    ...(Object.fromEntries(
      COURSE_MONTH_MEASURES.map((measure) => [measure, pick(shown[measure]) ?? 0]),
    ) as Record<CourseMonthMeasure, ShownCount>),
  })
  return [
    ...courses.flatMap((course, c) =>
      months.flatMap((month, m) =>
        tally.get(course)?.has(month) ? [row(course, month, (table) => table.cells[c]?.[m])] : [],
      ),
    ),
    ...courses.map((course, c) => row(course, null, (table) => table.rowTotals?.[c])),
    ...months.map((month, m) => row(null, month, (table) => table.columnTotals?.[m])),
    row(null, null, (table) => table.total),
  ]
}
