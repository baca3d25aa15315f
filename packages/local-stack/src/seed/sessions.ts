import { addDays, type SessionFormat, type SessionInput, type Venue } from '@ey/domain'
import { COURSES } from './catalogue.ts'

/** The demo venues, one in each of the LAs the demo programme runs in. */
export const VENUES: Venue[] = [
  {
    name: 'Chapeltown Family Hub',
    address: ['12 Reginald Terrace', 'Leeds'],
    postcode: 'LS7 3EU',
    laCode: 'E08000035',
    accessibility:
      'Step-free entrance and training room on the ground floor. Accessible toilet. Hearing loop.',
  },
  {
    name: 'Moss Side Children’s Centre',
    address: ['4 Quinney Crescent', 'Manchester'],
    postcode: 'M16 7JW',
    laCode: 'E08000003',
    accessibility:
      'Ramp at the side entrance. Room on the first floor with a lift. Two parking bays for Blue Badge holders.',
  },
  {
    name: 'Small Heath Family Hub',
    address: ['220 Somerville Road', 'Birmingham'],
    postcode: 'B10 9EN',
    laCode: 'E08000025',
    accessibility: 'Step-free throughout. Quiet room available on request.',
  },
  {
    name: 'Knowle West Children’s Centre',
    address: ['Leinster Avenue', 'Bristol'],
    postcode: 'BS4 1NN',
    laCode: 'E06000023',
    accessibility: 'Ground-floor room, level access from the car park, accessible toilet.',
  },
  {
    name: 'Hackney Marshes Family Hub',
    address: ['Homerton Road', 'London'],
    postcode: 'E9 5PF',
    laCode: 'E09000012',
    accessibility: 'Lift to all floors. Accessible toilet. Nearest step-free station: Homerton (Overground).',
  },
  {
    name: 'Ashford Early Years Centre',
    address: ['Bank Street', 'Ashford', 'Kent'],
    postcode: 'TN23 1BX',
    laCode: 'E10000016',
    accessibility: 'Level access. Induction loop in the main hall.',
  },
]

/** Demo joining links: a session's id after it. */
export const JOIN_URL = 'https://meet.example.org/j/'

/** Deterministic pseudo-random numbers, so the demo data is the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A London wall-clock time `minutes` after `time` (HH:mm), the same day. */
export function addMinutes(time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(':').map(Number)
  const total = hours * 60 + mins + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** Start times the demo sessions use: twilight, and in the day. */
export const TWILIGHT_TIMES = ['16:00', '18:00', '18:30', '19:00']
export const DAY_TIMES = ['09:30', '10:00', '13:00']

/** The four-part Level 3 course, online on four weeks' twilights from `firstDate`, run by trainer-amira. */
export function levelThreeInput(id: string, firstDate: string): SessionInput {
  return {
    courseId: 'slcn-level-3',
    parts: [0, 7, 14, 21].map((offset) => ({
      date: addDays(firstDate, offset),
      startTime: '16:30',
      endTime: '18:30',
    })),
    format: 'online',
    joiningUrl: `${JOIN_URL}${id}`,
    capacity: 24,
    bespokeLaCodes: [],
    trainerIds: ['trainer-amira'],
    status: 'published',
  }
}

/** How full the demo makes a session: the seed books people to reach it. */
export type Fill = 'quiet' | 'busy' | 'nearly-full' | 'full-with-waitlist'

/** One demo session as an administrator would schedule it, under a fixed id. */
export interface DemoSession {
  id: string
  input: SessionInput
  fill: Fill
}

/**
 * About forty sessions over the eight weeks after `today` (a London date): twilight and daytime,
 * online, in person and hybrid, one four-part accredited course, one bespoke session for Leeds,
 * and a mix of quiet, busy, nearly full and full sessions.
 */
export function demoSessions(today: string): DemoSession[] {
  const random = mulberry32(20261123)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const singleCourses = COURSES.filter((c) => c.id !== 'slcn-level-3')
  const fills: Fill[] = ['quiet', 'busy', 'busy', 'nearly-full', 'full-with-waitlist']
  const result: DemoSession[] = []

  for (let n = 1; n <= 38; n++) {
    const course = singleCourses[(n - 1) % singleCourses.length] ?? singleCourses[0]
    if (!course) break
    let date = addDays(today, 1 + Math.floor(((n - 1) * 55) / 38))
    while ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) && course.id !== 'family-workshop') {
      date = addDays(date, 1)
    }
    const twilight = random() < 0.7
    const startTime = pick(twilight ? TWILIGHT_TIMES : DAY_TIMES)
    const minutes = course.cpdHours >= 2 ? 120 : 90
    const format: SessionFormat = pick(['online', 'online', 'in-person', 'hybrid'] as const)
    const venue = format === 'online' ? undefined : pick(VENUES)
    const id = `demo-${String(n).padStart(2, '0')}`
    // The picks are drawn in this order (fill, capacity, trainer) so the demo stays as it was.
    const fill = n === 7 ? 'full-with-waitlist' : pick(fills)
    result.push({
      id,
      fill,
      input: {
        courseId: course.id,
        parts: [{ date, startTime, endTime: addMinutes(startTime, minutes) }],
        format,
        ...(venue ? { venue } : {}),
        ...(format === 'in-person' ? {} : { joiningUrl: `${JOIN_URL}${id}` }),
        capacity: format === 'online' ? pick([30, 40, 50]) : pick([12, 16, 20]),
        bespokeLaCodes: [],
        trainerIds: [pick(['trainer-amira', 'trainer-ben', 'trainer-chloe'])],
        status: 'published',
      },
    })
  }

  result.push({ id: 'demo-level3', fill: 'busy', input: levelThreeInput('demo-level3', addDays(today, 10)) })

  result.push({
    id: 'demo-leeds-bespoke',
    fill: 'busy',
    input: {
      courseId: 'whole-setting-send',
      title: 'Whole-setting approach to SEND (Leeds settings)',
      parts: [{ date: addDays(today, 16), startTime: '16:00', endTime: '18:00' }],
      format: 'in-person',
      venue: VENUES[0],
      capacity: 20,
      bespokeLaCodes: ['E08000035'],
      trainerIds: ['trainer-ben'],
      status: 'published',
    },
  })
  return result
}
