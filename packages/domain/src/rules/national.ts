import type { TakeUpCounts, TakeUpReach } from '../take-up-ports.ts'
import { type Results, roundRatio } from './results.ts'
import { academicYearOf, type DayRange } from './take-up.ts'

/**
 * The national picture's rules: which LAs are represented, how LAs add up to regions, where demand
 * outstrips places, and one course's or partner's satisfaction. Raw figures, for administrators.
 */

/** An LA as the national picture lists it. */
export interface NationalLa {
  code: string
  name: string
  regionCode: string
  regionName: string
}

/** Whether the period is exactly one academic year (1 September to 31 August), the only period people are counted in. */
export function isAcademicYear(period: DayRange): boolean {
  const year = academicYearOf(period.from)
  return year.from === period.from && year.to === period.to
}

/** A percentage to one decimal (0 of nothing). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : roundRatio(part * 100, whole, 1)
}

/** An LA is represented when at least one place was booked by its people in the period. */
export function isRepresented(counts: TakeUpCounts | undefined): boolean {
  return (counts?.bookings ?? 0) > 0
}

/** One LA's row: its counts, and its people when the period is an academic year. */
export interface LaFigures {
  code: string
  name: string
  regionCode: string
  people: number | null
  bookings: number
  attendances: number
}

/** One region's row: the sums of its LAs. */
export interface RegionFigures {
  code: string
  name: string
  people: number | null
  attendances: number
  lasRepresented: number
  las: number
}

/** Every LA's figures, in the list's order (LAs with nothing booked show 0). */
export function laFigures(
  las: readonly NationalLa[],
  counts: ReadonlyMap<string, TakeUpCounts>,
  reach: ReadonlyMap<string, TakeUpReach> | undefined,
): LaFigures[] {
  return las.map((la) => ({
    code: la.code,
    name: la.name,
    regionCode: la.regionCode,
    people: reach ? (reach.get(la.code)?.people ?? 0) : null,
    bookings: counts.get(la.code)?.bookings ?? 0,
    attendances: counts.get(la.code)?.attended ?? 0,
  }))
}

/**
 * Each region's figures, by region code (North East first, South West last): attendances and LAs
 * represented summed over its LAs; people from the region's own distinct count (a person who
 * booked in two of its LAs is one person), when the period is an academic year.
 */
export function regionFigures(
  las: readonly NationalLa[],
  byLa: readonly LaFigures[],
  reach: ReadonlyMap<string, TakeUpReach> | undefined,
): RegionFigures[] {
  const regions = new Map<string, RegionFigures>()
  for (const la of las) {
    if (regions.has(la.regionCode)) continue
    regions.set(la.regionCode, {
      code: la.regionCode,
      name: la.regionName,
      people: reach ? (reach.get(la.regionCode)?.people ?? 0) : null,
      attendances: 0,
      lasRepresented: 0,
      las: 0,
    })
  }
  for (const row of byLa) {
    const region = regions.get(row.regionCode)
    if (!region) continue
    region.attendances += row.attendances
    region.lasRepresented += row.bookings > 0 ? 1 : 0
    region.las += 1
  }
  return [...regions.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/** A course's demand: people waiting and open alerts, against the free places it offers. */
export interface CourseDemand {
  courseId: string
  title: string
  waiting: number
  openAlerts: number
  placesLeft: number
}

/** Courses where people waiting and open alerts exceed the places left, most unmet first (then by title). */
export function unmetCourses(courses: readonly CourseDemand[]): CourseDemand[] {
  const unmet = (course: CourseDemand) => course.waiting + course.openAlerts - course.placesLeft
  return courses
    .filter((course) => unmet(course) > 0)
    .sort((a, b) => unmet(b) - unmet(a) || a.title.localeCompare(b.title))
}

/** An area's demand: people waiting and open alerts from it. */
export interface AreaDemand {
  code: string
  name: string
  waiting: number
  openAlerts: number
}

/** Areas with any demand, most (waiting and alerts together) first, then by name. */
export function demandingAreas(areas: readonly AreaDemand[]): AreaDemand[] {
  const total = (area: AreaDemand) => area.waiting + area.openAlerts
  return areas
    .filter((area) => total(area) > 0)
    .sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name))
}

/** One course's or partner's satisfaction and uplift. */
export interface SatisfactionRow {
  id: string
  name: string
  /** Post questionnaires answered. */
  responses: number
  usefulShare: number | null
  recommendShare: number | null
  /** Mean change in confidence on matched pairs, pre to post. */
  meanChange: number | null
}

/** What the results of one course's or partner's responses say of satisfaction. */
export function satisfactionRow(id: string, name: string, results: Results): SatisfactionRow {
  return {
    id,
    name,
    responses: results.responses.post,
    usefulShare: results.usefulShare,
    recommendShare: results.recommendShare,
    meanChange: results.ratings.find((rating) => rating.tag === 'confidence')?.meanChange ?? null,
  }
}
