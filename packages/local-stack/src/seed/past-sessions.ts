import { addDays, type SessionFormat, type SessionInput } from '@ey/domain'
import { COURSES } from './catalogue.ts'
import {
  addMinutes,
  DAY_TIMES,
  JOIN_URL,
  levelThreeInput,
  mulberry32,
  TWILIGHT_TIMES,
  VENUES,
} from './sessions.ts'

/** One session of last term, as an administrator scheduled it then, with how many people booked. */
export interface PastSession {
  id: string
  input: SessionInput
  /** How many people booked a place (fewer than the capacity: nobody waited). */
  people: number
  /** Where the people came from: the venue's LA first, then the other demo LAs. */
  laCodes: string[]
}

/** The LAs of the demo venues: last term's people come from these. */
export const DEMO_LA_CODES = [...new Set(VENUES.map((venue) => venue.laCode))]

const TRAINERS = ['trainer-amira', 'trainer-ben', 'trainer-chloe']

/** The venue's LA first, so most of an in-person session's people are local. */
function lasFor(venueLa: string | undefined, n: number): string[] {
  const others = DEMO_LA_CODES.filter((code) => code !== venueLa)
  const turned = [...others.slice(n % others.length), ...others.slice(0, n % others.length)]
  return venueLa ? [venueLa, venueLa, ...turned] : turned
}

/**
 * Last term's sessions: 30 single sessions over the 15 weeks before `today` (a London date),
 * ending at least 3 days before it, across every single-session course, format and trainer, and
 * a four-part Level 3 course that ended five weeks ago. Deterministic: the same `today` gives
 * the same sessions.
 */
export function pastSessions(today: string): PastSession[] {
  const random = mulberry32(20260901)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const singleCourses = COURSES.filter((c) => c.id !== 'slcn-level-3')
  const result: PastSession[] = []
  for (let n = 1; n <= 24; n++) {
    const course = singleCourses[(n - 1) % singleCourses.length] ?? singleCourses[0]
    if (!course) break
    let date = addDays(today, -(3 + Math.floor(((n - 1) * 102) / 24)))
    while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) && course.id !== 'family-workshop') {
      date = addDays(date, -1)
    }
    const startTime = pick(random() < 0.7 ? TWILIGHT_TIMES : DAY_TIMES)
    const format: SessionFormat = pick(['online', 'online', 'in-person', 'hybrid'] as const)
    const venue = format === 'online' ? undefined : pick(VENUES)
    const capacity = format === 'online' ? pick([24, 30]) : pick([16, 20])
    const id = `past-${String(n).padStart(2, '0')}`
    result.push({
      id,
      people: 6 + Math.floor(random() * 4),
      laCodes: lasFor(venue?.laCode, n),
      input: {
        courseId: course.id,
        parts: [{ date, startTime, endTime: addMinutes(startTime, course.cpdHours >= 2 ? 120 : 90) }],
        format,
        ...(venue ? { venue } : {}),
        ...(format === 'in-person' ? {} : { joiningUrl: `${JOIN_URL}${id}` }),
        capacity,
        bespokeLaCodes: [],
        // Each trainer runs sessions of every kind over the term.
        trainerIds: [TRAINERS[n % TRAINERS.length] ?? 'trainer-amira'],
        status: 'published',
      },
    })
  }
  result.push({
    id: 'past-level3',
    people: 10,
    laCodes: DEMO_LA_CODES,
    input: levelThreeInput('past-level3', addDays(today, -56)),
  })
  return result
}
