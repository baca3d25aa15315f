import {
  BOOKING_STATUSES,
  type Booking,
  courseMonthRows,
  laTakeUp,
  monthsOf,
  presentLaTakeUp,
  ROLES,
  SETTING_TYPES,
  suppressCount,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  LEEDS,
  makeBooking,
  makeCourse,
  makePerson,
  makeSnapshot,
  partAt,
  WESTMINSTER,
} from '../support/factories.ts'

const c = 'c'
const YEAR = { from: '2026-09-01', to: '2027-08-31' }
const slcn = makeCourse()
const autism = makeCourse({
  id: 'autism-first',
  title: 'Autism: first steps',
  topics: ['autism', 'communication-and-language'],
})

/** A Leeds booking of `course` starting at `startsAt`, by the person with this email. */
function booking(
  id: string,
  status: Booking['status'],
  course: { id: string; title: string },
  startsAt: string,
  person: Parameters<typeof makePerson>[0],
): Booking {
  const made = makePerson({ laCode: LEEDS, ...person })
  return makeBooking({
    id,
    status,
    person: made,
    emailKey: made.email,
    session: makeSnapshot({ courseId: course.id, title: course.title, parts: [partAt(startsAt)] }),
  })
}

/**
 * Seven bookings from Leeds, worked by hand: Ada twice (a childminder in October, then a SENCO at
 * the same setting, written with "Ltd", in November), Ben and Cat at one nursery by URN, Dan
 * cancelled in time, Eve waiting, Fay a parent at home; and one from Westminster in the period.
 */
const bookings = [
  booking('b1', 'attended', slcn, '2026-10-06T15:00:00Z', { email: 'ada@example.org', role: 'childminder' }),
  booking('b2', 'confirmed', autism, '2026-11-10T16:00:00Z', {
    email: 'ada@example.org',
    role: 'senco',
    settingName: 'Little Acorns Ltd',
  }),
  booking('b3', 'no-show', slcn, '2026-10-20T15:00:00Z', {
    email: 'ben@example.org',
    role: 'nursery-practitioner',
    settingName: 'Sunny Days Nursery',
    settingType: 'private-nursery',
    ofstedUrn: '123456',
  }),
  booking('b4', 'late-cancelled', slcn, '2026-11-03T16:00:00Z', {
    email: 'cat@example.org',
    role: 'nursery-practitioner',
    settingName: 'sunny days',
    settingType: 'private-nursery',
    ofstedUrn: '123456',
  }),
  booking('b5', 'cancelled', slcn, '2026-10-06T15:00:00Z', { email: 'dan@example.org' }),
  booking('b6', 'waiting', autism, '2026-11-10T16:00:00Z', { email: 'eve@example.org' }),
  // 23:30 on 31 January UTC is still January in London (GMT).
  booking('b7', 'attended', autism, '2027-01-31T23:30:00Z', {
    email: 'fay@example.org',
    role: 'parent-or-carer',
    settingName: 'Home',
    settingType: 'home',
  }),
  // Starts the day after the period ends (London): left out.
  booking('b8', 'attended', slcn, '2027-08-31T23:30:00Z', { email: 'gus@example.org' }),
]
const openAlerts = [
  { courseId: slcn.id, laCode: LEEDS, open: 3 },
  { courseId: autism.id, laCode: LEEDS, open: 0 },
  { courseId: slcn.id, laCode: WESTMINSTER, open: 7 },
]

describe('laTakeUp', () => {
  const takeUp = laTakeUp({ laCode: LEEDS, period: YEAR, bookings, courses: [slcn, autism], openAlerts })

  it('counts places booked and what became of them, people by email and settings by URN or name', () => {
    expect(takeUp.totals).toEqual({
      bookings: 5,
      attended: 2,
      noShows: 1,
      lateCancellations: 1,
      people: 4,
      settings: 2,
    })
  })

  it('lists every month of the period, zeros too, by the London day each session starts', () => {
    expect(takeUp.byMonth).toHaveLength(12)
    expect(takeUp.byMonth.filter((row) => row.bookings > 0)).toEqual([
      { month: '2026-10', bookings: 2, attended: 1 },
      { month: '2026-11', bookings: 2, attended: 0 },
      { month: '2027-01', bookings: 1, attended: 1 },
    ])
    expect(takeUp.byMonth[0]).toEqual({ month: '2026-09', bookings: 0, attended: 0 })
  })

  it('counts by course, and by each topic of the course', () => {
    expect(takeUp.byCourse).toEqual([
      { courseId: autism.id, title: autism.title, bookings: 2, attended: 1 },
      { courseId: slcn.id, title: slcn.title, bookings: 3, attended: 1 },
    ])
    expect(takeUp.byTopic).toEqual([
      { topic: 'communication-and-language', courseIds: [slcn.id, autism.id], bookings: 5, attended: 2 },
      { topic: 'autism', courseIds: [autism.id], bookings: 2, attended: 1 },
    ])
  })

  it('counts each person once, by the role and setting type of their latest place booked', () => {
    expect(takeUp.byRole).toEqual([
      { role: 'nursery-practitioner', people: 2 },
      { role: 'senco', people: 1 },
      { role: 'parent-or-carer', people: 1 },
    ])
    expect(takeUp.bySettingType).toEqual([
      { settingType: 'private-nursery', people: 2 },
      { settingType: 'childminder', people: 1 },
      { settingType: 'home', people: 1 },
    ])
  })

  it("counts the LA's people waiting and its open alerts, by course", () => {
    expect(takeUp.demand).toEqual({
      waiting: 1,
      openAlerts: 3,
      byCourse: [
        { courseId: autism.id, title: autism.title, waiting: 1, openAlerts: 0 },
        { courseId: slcn.id, title: slcn.title, waiting: 0, openAlerts: 3 },
      ],
    })
  })

  it('shows it all as the LA sees it: every count from 1 to 4 hidden', () => {
    const shown = presentLaTakeUp(takeUp)
    expect(shown.totals).toEqual({
      bookings: 5,
      attended: c,
      noShows: c,
      lateCancellations: c,
      people: c,
      settings: c,
    })
    expect(shown.byMonth.slice(1, 5)).toEqual([
      { month: '2026-10', bookings: c, attended: c },
      { month: '2026-11', bookings: c, attended: 0 },
      { month: '2026-12', bookings: 0, attended: 0 },
      { month: '2027-01', bookings: c, attended: c },
    ])
    expect(shown.byRole.map((row) => row.people)).toEqual([c, c, c])
    expect(shown.demand).toMatchObject({ waiting: c, openAlerts: c })
  })
})

describe('presentLaTakeUp', () => {
  const signing = makeCourse({ id: 'signing', title: 'Signing', topics: ['signing'] })
  let made = 0
  /** `count` Leeds bookings of `course` in `status`, starting at `startsAt`, each by someone new. */
  const several = (count: number, status: Booking['status'], course: typeof slcn, startsAt: string) =>
    Array.from({ length: count }, () => {
      made += 1
      return booking(`x${made}`, status, course, startsAt, { email: `x${made}@example.org` })
    })
  const shownFor = (list: Booking[]) =>
    presentLaTakeUp(
      laTakeUp({
        laCode: LEEDS,
        period: YEAR,
        bookings: list,
        courses: [slcn, autism, signing],
        openAlerts: [],
      }),
    )

  it('hides a second month when one alone would follow from the total, and leaves the rest', () => {
    const shown = shownFor([
      ...several(10, 'attended', slcn, '2026-09-08T15:00:00Z'),
      ...several(3, 'attended', slcn, '2026-10-06T15:00:00Z'),
      ...several(12, 'attended', slcn, '2026-12-01T16:00:00Z'),
    ])
    expect(shown.byMonth.slice(0, 4).map((row) => row.bookings)).toEqual([c, c, 0, 12])
    expect(shown.totals.bookings).toBe(25)
  })

  it('hides more than a small no-show count when bookings, attended and late cancellations would give it away', () => {
    const outcomes = (attended: number, noShows: number, lateCancellations: number, stillBooked = 0) => {
      const at = '2026-10-06T15:00:00Z'
      return shownFor([
        ...several(attended, 'attended', slcn, at),
        ...several(noShows, 'no-show', slcn, at),
        ...several(lateCancellations, 'late-cancelled', slcn, at),
        ...several(stillBooked, 'confirmed', slcn, at),
      ]).totals
    }
    // Over: 40 = attended + no-shows + late; 37 shown beside 3 hidden would say 3.
    expect(outcomes(37, 3, 0)).toMatchObject({ bookings: 40, attended: c, noShows: c, lateCancellations: 0 })
    expect(outcomes(30, 3, 7)).toMatchObject({ bookings: 40, attended: 30, noShows: c, lateCancellations: c })
    // Places still booked (not shown) already leave the sum open.
    expect(outcomes(30, 3, 0, 6)).toMatchObject({
      bookings: 39,
      attended: 30,
      noShows: c,
      lateCancellations: 0,
    })
  })

  it('hides attended wherever places booked beside it would say that from 1 to 4 did not come', () => {
    const shown = shownFor([
      ...several(12, 'attended', slcn, '2026-10-06T15:00:00Z'),
      ...several(3, 'no-show', slcn, '2026-10-06T15:00:00Z'),
      ...several(20, 'attended', slcn, '2026-11-03T16:00:00Z'),
      ...several(10, 'no-show', slcn, '2026-11-03T16:00:00Z'),
    ])
    const october = shown.byMonth.find((row) => row.month === '2026-10')
    const november = shown.byMonth.find((row) => row.month === '2026-11')
    expect(october).toEqual({ month: '2026-10', bookings: 15, attended: c })
    // November's attended would give October's away through the total, unless the total is hidden.
    expect([november?.attended, shown.totals.attended]).toContain(c)
    expect(shown.totals.bookings).toBe(45)
  })

  it('shows a topic on its own, hidden where one of its courses is', () => {
    const shown = shownFor([
      ...several(3, 'attended', autism, '2026-10-06T15:00:00Z'),
      ...several(12, 'attended', signing, '2026-10-06T15:00:00Z'),
      ...several(20, 'attended', slcn, '2026-10-06T15:00:00Z'),
    ])
    expect(shown.byCourse.map((row) => [row.courseId, row.bookings])).toEqual([
      [autism.id, c],
      [signing.id, c],
      [slcn.id, 20],
    ])
    // Communication and language is autism's course and slcn's: 23 would give autism's 3 away.
    expect(shown.byTopic).toEqual([
      { topic: 'communication-and-language', bookings: c, attended: c },
      { topic: 'autism', bookings: c, attended: c },
      { topic: 'signing', bookings: c, attended: c },
    ])
  })
})

describe('monthsOf', () => {
  it('lists each month touched by the period, across a new year', () => {
    expect(monthsOf({ from: '2026-11-30', to: '2027-02-01' })).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ])
    expect(monthsOf({ from: '2027-01-31', to: '2027-01-31' })).toEqual(['2027-01'])
  })
})

const SETTINGS = ['Little Acorns', 'Sunny Days', 'Riverside']
const COURSES = [slcn, autism, makeCourse({ id: 'signing', title: 'Signing', topics: ['signing'] })]
/**
 * Up to 80 Leeds bookings (at noon UTC) by 31 people, any status; most in September and of one
 * course, so that one small month or course beside large ones is common.
 */
function arbitraryBookings(): fc.Arbitrary<Booking[]> {
  return fc
    .array(
      fc.record({
        status: fc.constantFrom(...BOOKING_STATUSES),
        course: fc.oneof(
          { arbitrary: fc.constant(slcn), weight: 6 },
          { arbitrary: fc.constantFrom(...COURSES), weight: 1 },
        ),
        day: fc.oneof(
          { arbitrary: fc.integer({ min: 0, max: 29 }), weight: 4 },
          { arbitrary: fc.integer({ min: 0, max: 364 }), weight: 1 },
        ),
        person: fc.integer({ min: 0, max: 30 }),
        role: fc.constantFrom(...ROLES),
        settingType: fc.constantFrom(...SETTING_TYPES),
        setting: fc.constantFrom(...SETTINGS),
      }),
      { maxLength: 80 },
    )
    .map((rows) =>
      rows.map((row, index) =>
        booking(
          `b${index}`,
          row.status,
          row.course,
          new Date(Date.UTC(2026, 8, 1 + row.day, 12)).toISOString(),
          {
            email: `p${row.person}@example.org`,
            role: row.role,
            settingType: row.settingType,
            settingName: row.setting,
          },
        ),
      ),
    )
}
const arbitraryAlerts = fc.array(
  fc.record({
    courseId: fc.constantFrom(...COURSES.map((course) => course.id)),
    laCode: fc.constant(LEEDS),
    open: fc.integer({ min: 0, max: 12 }),
  }),
  { maxLength: 4 },
)

/** Every count in a value, wherever it sits. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value]
  if (Array.isArray(value)) return value.flatMap(numbersIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn)
  return []
}

describe('laTakeUp properties', () => {
  const summarise = (list: Booking[], alerts: typeof openAlerts) =>
    laTakeUp({ laCode: LEEDS, period: YEAR, bookings: list, courses: COURSES, openAlerts: alerts })

  it('publishes no count from 1 to 4, anywhere', () => {
    fc.assert(
      fc.property(arbitraryBookings(), arbitraryAlerts, (list, alerts) => {
        const shown = presentLaTakeUp(summarise(list, alerts))
        for (const figure of numbersIn(shown)) expect(figure === 0 || figure >= 5).toBe(true)
      }),
    )
  })

  it('leaves no hidden month or course that the total and the other rows give away', () => {
    fc.assert(
      fc.property(arbitraryBookings(), (list) => {
        const takeUp = summarise(list, [])
        const shown = presentLaTakeUp(takeUp)
        for (const table of ['byMonth', 'byCourse'] as const) {
          for (const column of ['bookings', 'attended'] as const) {
            const cells = shown[table].map((row) => row[column])
            const total = shown.totals[column]
            // The rows add up to the total; a shown total never leaves one row alone hidden.
            expect(takeUp[table].reduce((sum, row) => sum + row[column], 0)).toBe(takeUp.totals[column])
            if (typeof total === 'number') expect(cells.filter((cell) => cell === c)).not.toHaveLength(1)
            // A hidden total is not the sum of shown rows.
            else expect(cells).toContain(c)
          }
          // Places booked and attended both shown never say that from 1 to 4 did not come.
          for (const row of [...shown[table], shown.totals]) {
            if (typeof row.bookings === 'number' && typeof row.attended === 'number')
              expect(suppressCount(row.bookings - row.attended)).not.toBe(c)
          }
        }
      }),
    )
  })

  it('shows the months, courses and totals the summary download shows', () => {
    fc.assert(
      fc.property(arbitraryBookings(), (list) => {
        const takeUp = summarise(list, [])
        const shown = presentLaTakeUp(takeUp)
        const download = courseMonthRows(takeUp.byCourseMonth, takeUp.courseOrder)
        for (const line of download) {
          const figures = ({ bookings, attended }: { bookings?: unknown; attended?: unknown }) => ({
            bookings,
            attended,
          })
          if (line.courseId === null && line.month === null)
            expect(figures(line)).toEqual(figures(shown.totals))
          else if (line.courseId === null)
            expect(figures(line)).toEqual(
              figures(shown.byMonth.find((row) => row.month === line.month) ?? {}),
            )
          else if (line.month === null)
            expect(figures(line)).toEqual(
              figures(shown.byCourse.find((row) => row.courseId === line.courseId) ?? {}),
            )
        }
      }),
    )
  })

  it('counts every person once by role and by setting type, summing to the people', () => {
    fc.assert(
      fc.property(arbitraryBookings(), (list) => {
        const takeUp = summarise(list, [])
        const people = (rows: { people: number }[]) => rows.reduce((sum, row) => sum + row.people, 0)
        expect(people(takeUp.byRole)).toBe(takeUp.totals.people)
        expect(people(takeUp.bySettingType)).toBe(takeUp.totals.people)
        const shown = presentLaTakeUp(takeUp).byRole
        if (shown.every((row) => typeof row.people === 'number'))
          expect(people(shown as { people: number }[])).toBe(takeUp.totals.people)
      }),
    )
  })
})
