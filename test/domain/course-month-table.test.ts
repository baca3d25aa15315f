import { COURSE_MONTH_MEASURES, type CourseMonthTally, courseMonthRows, SUPPRESSED } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const counts = (bookings: number, attended = 0) => ({ bookings, attended })
const tallied = (bookings: number, attended = 0) => ({
  ...counts(bookings, attended),
  noShows: 0,
  lateCancellations: 0,
})

describe('courseMonthRows', () => {
  it('answers a line per course and month with a place booked, each course, each month and the total', () => {
    const tally: CourseMonthTally = new Map([
      ['b', new Map([['2026-10', tallied(20, 15)]])],
      [
        'a',
        new Map([
          ['2026-10', tallied(10, 10)],
          ['2026-11', tallied(30, 25)],
        ]),
      ],
    ])
    expect(courseMonthRows(tally, ['a', 'b', 'unused'])).toEqual([
      { courseId: 'a', month: '2026-10', ...counts(10, 10) },
      { courseId: 'a', month: '2026-11', ...counts(30, 25) },
      { courseId: 'b', month: '2026-10', ...counts(20, 15) },
      { courseId: 'a', month: null, ...counts(40, 35) },
      { courseId: 'b', month: null, ...counts(20, 15) },
      { courseId: null, month: '2026-10', ...counts(30, 25) },
      { courseId: null, month: '2026-11', ...counts(30, 25) },
      { courseId: null, month: null, ...counts(60, 50) },
    ])
  })

  it('answers the grand total alone, 0, when nothing was booked', () => {
    expect(courseMonthRows(new Map())).toEqual([{ courseId: null, month: null, ...counts(0) }])
  })

  it('hides a small count and enough others that its line and totals do not give it away', () => {
    const tally: CourseMonthTally = new Map([
      [
        'a',
        new Map([
          ['2026-10', tallied(2)],
          ['2026-11', tallied(30)],
        ]),
      ],
      [
        'b',
        new Map([
          ['2026-10', tallied(40)],
          ['2026-11', tallied(50)],
        ]),
      ],
    ])
    const bookings = courseMonthRows(tally).map((row) => row.bookings)
    // a/Oct hidden; a/Nov, b/Oct and b/Nov hidden with it, so no line or total has it alone.
    expect(bookings).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, 32, 90, 42, 80, 122])
  })

  it('never shows a count from 1 to 4, and shows every other count as it is', () => {
    const tallies = fc
      .array(
        fc.record({
          course: fc.constantFrom('a', 'b', 'c'),
          month: fc.constantFrom('2026-09', '2026-10', '2026-11'),
          bookings: fc.nat(12),
          attended: fc.nat(12),
        }),
        { maxLength: 9 },
      )
      .map((cells) => {
        const tally: CourseMonthTally = new Map()
        for (const cell of cells) {
          const months = tally.get(cell.course) ?? new Map()
          months.set(cell.month, tallied(cell.bookings + cell.attended, cell.attended))
          tally.set(cell.course, months)
        }
        return tally
      })
    fc.assert(
      fc.property(tallies, (tally) => {
        for (const row of courseMonthRows(tally)) {
          for (const measure of COURSE_MONTH_MEASURES) {
            const shown = row[measure]
            expect(shown === SUPPRESSED || shown === 0 || shown >= 5).toBe(true)
            if (shown === SUPPRESSED) continue
            const months =
              row.courseId === null ? [...tally.values()] : [tally.get(row.courseId) ?? new Map()]
            const sum = months
              .flatMap((byMonth) =>
                [...byMonth].filter(([month]) => row.month === null || month === row.month),
              )
              .reduce((total, [, line]) => total + line[measure], 0)
            expect(shown).toBe(sum)
          }
        }
      }),
    )
  })
})
