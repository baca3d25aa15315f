import { type Booking, ROLES, type Role, SETTING_TYPES, type SettingType } from '../schemas/booking.ts'
import { type Course, TOPICS, type Topic } from '../schemas/catalogue.ts'
import type { AlertCount } from '../schemas/interest-alert.ts'
import { addDays } from '../time.ts'
import { type CourseMonthTally, tallyCourseMonth } from './course-month-table.ts'
import { countNamedSettings } from './settings-reached.ts'
import { type DayRange, pseudonymousFacts, type TakeUpFacts, takeUpFacts } from './take-up.ts'

/** Places booked and attended: a row of the by-month, by-course and by-topic tables. */
export interface BookedAndAttended {
  bookings: number
  attended: number
}

/** An LA's headline counts over a period. */
export interface LaTakeUpTotals extends BookedAndAttended {
  noShows: number
  lateCancellations: number
  /** Different people (by normalised email) among the places booked. */
  people: number
  /** Different settings reached, by `countSettingsReached`. */
  settings: number
}

/** Demand from the LA that the sessions did not meet, by course. */
export interface LaDemand {
  waiting: number
  openAlerts: number
  byCourse: { courseId: string; title: string; waiting: number; openAlerts: number }[]
}

/** An LA's take-up over a period, raw (what the LA sees goes through `presentLaTakeUp`). */
export interface LaTakeUp {
  totals: LaTakeUpTotals
  /** Every month of the period (YYYY-MM, London), in order, zeros too. */
  byMonth: ({ month: string } & BookedAndAttended)[]
  /** Courses with a place booked, by title. */
  byCourse: ({ courseId: string; title: string } & BookedAndAttended)[]
  /** Topics with a place booked, in the catalogue's order; a booking counts under each topic of its course. */
  byTopic: ({ topic: Topic; courseIds: string[] } & BookedAndAttended)[]
  /** Places booked by course and month, with what became of them: what the months and courses add up. */
  byCourseMonth: CourseMonthTally
  /** The catalogue's order of courses (then any other booked), as the summary download has it. */
  courseOrder: string[]
  /** Each person once, by the role of their latest booking in the period; roles with nobody left out. */
  byRole: { role: Role; people: number }[]
  /** Each person once, by the setting type of their latest booking in the period. */
  bySettingType: { settingType: SettingType; people: number }[]
  demand: LaDemand
}

/** What an LA's take-up is made from: its bookings of the period (any status) and its open alerts. */
export interface LaTakeUpInput {
  laCode: string
  period: DayRange
  bookings: readonly Booking[]
  /** The catalogue's courses: titles and topics (a course no longer listed keeps its booked title). */
  courses: readonly Pick<Course, 'id' | 'title' | 'topics'>[]
  /** Counts of open interest alerts by course and LA (other LAs' are left out). */
  openAlerts: readonly AlertCount[]
}

/** The months (YYYY-MM) from the period's first day to its last, both included. */
export function monthsOf(period: DayRange): string[] {
  const months: string[] = []
  // The first of a month plus 32 days is always in the next month.
  for (
    let day = `${period.from.slice(0, 7)}-01`;
    day <= period.to;
    day = `${addDays(day, 32).slice(0, 7)}-01`
  )
    months.push(day.slice(0, 7))
  return months
}

type Row = { booking: Booking; facts: TakeUpFacts }

/** Places booked and attended under each key the rows belong to. */
function tally<K>(rows: readonly Row[], keysOf: (row: Row) => readonly K[]): Map<K, BookedAndAttended> {
  const counts = new Map<K, BookedAndAttended>()
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const count = counts.get(key) ?? { bookings: 0, attended: 0 }
      count.bookings += row.facts.booked
      count.attended += row.facts.attended
      counts.set(key, count)
    }
  }
  return counts
}

/** Distinct settings of the places booked, within each LA, by the rule of `countSettingsReached`. */
function settingsReached(facts: readonly TakeUpFacts[]): number {
  const byLa = new Map<string, { name: string; urn?: string }[]>()
  for (const { laCode, setting } of facts) {
    if (!setting) continue
    const inLa = byLa.get(laCode)
    if (inLa) inLa.push(setting)
    else byLa.set(laCode, [setting])
  }
  return [...byLa.values()].reduce((total, settings) => total + countNamedSettings(settings), 0)
}

/** The counts added up by key. */
function countBy<K>(items: readonly { key: K; count: number }[]): Map<K, number> {
  const counts = new Map<K, number>()
  for (const { key, count } of items) counts.set(key, (counts.get(key) ?? 0) + count)
  return counts
}

/** Each person's latest place booked: the one whose session starts last (then the one made last). */
function latestPerPerson(rows: readonly Row[]): Booking[] {
  const latest = new Map<string, { booking: Booking; order: string }>()
  for (const { booking, facts } of rows) {
    if (!facts.person) continue
    const order = `${booking.session.parts[0]?.startsAt ?? ''}#${booking.createdAt}`
    const seen = latest.get(facts.person.key)
    if (!seen || order > seen.order) latest.set(facts.person.key, { booking, order })
  }
  return [...latest.values()].map(({ booking }) => booking)
}

/** How many people have each value (in `order`), each by their latest booking; values with nobody left out. */
function peopleBy<K extends string>(
  latest: readonly Booking[],
  order: readonly K[],
  pick: (b: Booking) => K,
) {
  const counts = countBy(latest.map((booking) => ({ key: pick(booking), count: 1 })))
  return order.flatMap((value) => {
    const people = counts.get(value) ?? 0
    return people > 0 ? [{ value, people }] : []
  })
}

function byTitle(a: { title: string; courseId: string }, b: { title: string; courseId: string }): number {
  return a.title.localeCompare(b.title) || a.courseId.localeCompare(b.courseId)
}

/**
 * An LA's take-up of a period from its bookings, raw. What counts is `takeUpFacts` (a place
 * booked, attended, waiting…); a booking belongs to the London month its session starts in (one
 * starting outside the period is left out); settings are `countSettingsReached` over the places
 * booked; roles and setting types count each person once, by their latest place booked.
 */
export function laTakeUp(input: LaTakeUpInput): LaTakeUp {
  const { period } = input
  const courses = new Map(input.courses.map((course) => [course.id, course]))
  // Erased bookings hold pseudonyms: then every booking's person and setting are compared by theirs.
  const anyErased = input.bookings.some((booking) => booking.erasedAt !== undefined)
  const rows = input.bookings
    .map((booking) => {
      const facts = takeUpFacts(booking)
      return { booking, facts: anyErased ? pseudonymousFacts(facts) : facts }
    })
    .filter(({ facts }) => facts.day >= period.from && facts.day <= period.to)
  const booked = rows.filter(({ facts }) => facts.booked === 1)
  const sum = (pick: (facts: TakeUpFacts) => number) =>
    rows.reduce((total, row) => total + pick(row.facts), 0)
  const titleOf = (courseId: string) =>
    courses.get(courseId)?.title ??
    rows.find(({ facts }) => facts.courseId === courseId)?.booking.session.title ??
    courseId

  const byMonth = tally(booked, ({ facts }) => [facts.day.slice(0, 7)])
  const byCourse = tally(booked, ({ facts }) => [facts.courseId])
  const byTopic = tally(booked, ({ facts }) => courses.get(facts.courseId)?.topics ?? [])
  const byCourseMonth: CourseMonthTally = new Map()
  for (const { facts } of booked) tallyCourseMonth(byCourseMonth, facts)
  const latest = latestPerPerson(booked)
  const waiting = countBy(rows.map(({ facts }) => ({ key: facts.courseId, count: facts.waiting })))
  const alerts = countBy(
    input.openAlerts
      .filter((count) => count.laCode === input.laCode)
      .map((count) => ({ key: count.courseId, count: count.open })),
  )
  const demandCourses = [...new Set([...waiting.keys(), ...alerts.keys()])].filter(
    (courseId) => (waiting.get(courseId) ?? 0) + (alerts.get(courseId) ?? 0) > 0,
  )

  return {
    totals: {
      bookings: sum((facts) => facts.booked),
      attended: sum((facts) => facts.attended),
      noShows: sum((facts) => facts.noShows),
      lateCancellations: sum((facts) => facts.lateCancellations),
      people: latest.length,
      settings: settingsReached(booked.map(({ facts }) => facts)),
    },
    byMonth: monthsOf(period).map((month) => ({
      month,
      ...(byMonth.get(month) ?? { bookings: 0, attended: 0 }),
    })),
    byCourse: [...byCourse]
      .map(([courseId, count]) => ({ courseId, title: titleOf(courseId), ...count }))
      .sort(byTitle),
    byTopic: TOPICS.flatMap((topic) => {
      const count = byTopic.get(topic)
      const courseIds = [...byCourse.keys()].filter((id) => courses.get(id)?.topics.includes(topic))
      return count ? [{ topic, courseIds, ...count }] : []
    }),
    byCourseMonth,
    courseOrder: input.courses.map((course) => course.id),
    byRole: peopleBy(latest, ROLES, (booking) => booking.person.role).map(({ value, people }) => ({
      role: value,
      people,
    })),
    bySettingType: peopleBy(latest, SETTING_TYPES, (booking) => booking.person.settingType).map(
      ({ value, people }) => ({ settingType: value, people }),
    ),
    demand: {
      waiting: sum((facts) => facts.waiting),
      openAlerts: [...alerts.values()].reduce((total, open) => total + open, 0),
      byCourse: demandCourses
        .map((courseId) => ({
          courseId,
          title: titleOf(courseId),
          waiting: waiting.get(courseId) ?? 0,
          openAlerts: alerts.get(courseId) ?? 0,
        }))
        .sort(byTitle),
    },
  }
}
