import { type ShownCount, suppressTable } from './small-numbers.ts'
import type { TakeUpFacts } from './take-up.ts'

/** The counts an LA's summary download shows, by course and month. */
export const COURSE_MONTH_MEASURES = ['bookings', 'attended'] as const
export type CourseMonthMeasure = (typeof COURSE_MONTH_MEASURES)[number]

/** Counts by course id, then by month (`YYYY-MM` of the London day the session starts on). */
export type CourseMonthTally = Map<string, Map<string, Record<CourseMonthMeasure, number>>>

/** Adds a booking's take-up facts to the tally; a booking that counts nowhere adds no line. */
export function tallyCourseMonth(tally: CourseMonthTally, facts: TakeUpFacts): void {
  if (facts.booked === 0) return
  const months = tally.get(facts.courseId) ?? new Map()
  const month = facts.day.slice(0, 7)
  const counts = months.get(month) ?? { bookings: 0, attended: 0 }
  counts.bookings += facts.booked
  counts.attended += facts.attended
  months.set(month, counts)
  tally.set(facts.courseId, months)
}

/** One line of the table as shown: a course (or all courses, `null`) in a month (or all months, `null`). */
export type CourseMonthRow = { courseId: string | null; month: string | null } & Record<
  CourseMonthMeasure,
  ShownCount
>

/**
 * The table of an LA's counts by course and month as the LA may see it: a line per course and
 * month that has a place booked, then each course over all months, each month over all courses,
 * and the grand total. Each measure is a table of its own (courses × months with both totals)
 * through `suppressTable`, so no hidden count can be worked out from its totals and the other
 * lines. Courses come in the order given (`courseIds`, then any other in the tally), months in order.
 */
export function courseMonthRows(
  tally: CourseMonthTally,
  courseIds: readonly string[] = [],
): CourseMonthRow[] {
  const courses = [...new Set([...courseIds.filter((id) => tally.has(id)), ...tally.keys()])]
  const months = [...new Set([...tally.values()].flatMap((byMonth) => [...byMonth.keys()]))].sort()
  const shown = Object.fromEntries(
    COURSE_MONTH_MEASURES.map((measure) => [
      measure,
      suppressTable(
        courses.map((course) => months.map((month) => tally.get(course)?.get(month)?.[measure] ?? 0)),
      ),
    ]),
  ) as Record<CourseMonthMeasure, ReturnType<typeof suppressTable>>
  const row = (
    courseId: string | null,
    month: string | null,
    pick: (table: ReturnType<typeof suppressTable>) => ShownCount | undefined,
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
