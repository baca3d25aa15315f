import {
  type CourseDemand,
  type NationalDeps,
  nationalLaRows,
  readNationalSummary,
  type Session,
  sessionStart,
  type TakeUpCounts,
  type TakeUpReach,
  type TakeUpStats,
  unmetCourses,
} from '@ey/domain'
import { LOCAL_AUTHORITIES } from '@ey/reference-data'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fakeClock,
  LEEDS,
  makeCourse,
  makePartner,
  makeQuestionnaireResponse,
  makeQuestionnaireTemplate,
  makeSession,
  WESTMINSTER,
} from '../support/factories.ts'
import { createInMemoryQuestionnaires, inMemoryResultsReaders } from '../support/in-memory-questionnaires.ts'

const YEAR = { from: '2025-09-01', to: '2026-08-31' }
const BRADFORD = 'E08000032'

const counts = (overrides: Partial<TakeUpCounts> = {}): TakeUpCounts => ({
  bookings: 0,
  attended: 0,
  noShows: 0,
  lateCancellations: 0,
  waiting: 0,
  ...overrides,
})
const reach = (people: number, settings = 0): TakeUpReach => ({
  people,
  peopleByKind: { practitioner: people - 1, 'parent-or-carer': 1, other: 0 },
  settings,
})

/** Aggregates as the stream keeps them: Leeds and Bradford (Yorkshire) and Westminster (London). */
function stats(): TakeUpStats & { years: number[] } {
  const years: number[] = []
  return {
    years,
    counts: async () => ({
      england: counts({ bookings: 16, attended: 12, waiting: 5 }),
      byLa: new Map([
        [LEEDS, counts({ bookings: 10, attended: 8, waiting: 3 })],
        [BRADFORD, counts({ bookings: 4, attended: 3 })],
        [WESTMINSTER, counts({ bookings: 2, attended: 1, waiting: 2 })],
      ]),
    }),
    reach: async (startYear) => {
      years.push(startYear)
      return {
        england: reach(13, 7),
        byRegion: new Map([
          ['E12000003', reach(11)],
          ['E12000007', reach(2)],
        ]),
        byLa: new Map([
          [LEEDS, reach(8)],
          [BRADFORD, reach(3)],
          [WESTMINSTER, reach(2)],
        ]),
      }
    },
  }
}

const slcn = makeCourse()
const autism = makeCourse({ id: 'autism-intro', title: 'Autism: an introduction', partnerId: 'spectrum' })
const partners = [makePartner(), makePartner({ id: 'spectrum', name: 'Spectrum Trust' })]

/**
 * A world of two courses: the SLCN course's session this term (full, 3 waiting) and one to come
 * with 2 places left; the autism course's session this term (1 waiting, 4 places left); a
 * cancelled and a draft session that count for nothing; open alerts for both courses.
 */
function world(): NationalDeps & { stats: ReturnType<typeof stats> } {
  const sessions: Session[] = [
    makeSession({ id: 'slcn-past', startsAt: '2026-02-10T16:00:00Z', heldCount: 10, waitingCount: 3 }),
    makeSession({ id: 'slcn-next', startsAt: '2026-03-16T16:00:00Z', heldCount: 8 }),
    makeSession({
      id: 'autism-next',
      courseId: autism.id,
      startsAt: '2026-03-20T16:00:00Z',
      heldCount: 6,
      waitingCount: 1,
    }),
    makeSession({ id: 'cancelled', startsAt: '2026-02-11T16:00:00Z', status: 'cancelled', waitingCount: 9 }),
    makeSession({ id: 'draft', startsAt: '2026-02-12T16:00:00Z', status: 'draft', waitingCount: 9 }),
  ]
  const store = createInMemoryQuestionnaires()
  store.addTemplate(makeQuestionnaireTemplate({ id: 'tpl-pre', kind: 'pre' }))
  store.addTemplate(makeQuestionnaireTemplate())
  const answer = (bookingId: string, sessionId: string, courseId: string, before: number, after: number) => {
    store.addResponse(
      makeQuestionnaireResponse({
        bookingId,
        sessionId,
        courseId,
        kind: 'pre',
        templateId: 'tpl-pre',
        answers: { confidence: before },
      }),
    )
    store.addResponse(
      makeQuestionnaireResponse({
        bookingId,
        sessionId,
        courseId,
        answers: { confidence: after, useful: after > before, recommend: true },
      }),
    )
  }
  answer('b1', 'slcn-past', slcn.id, 2, 4)
  answer('b2', 'slcn-past', slcn.id, 3, 4)
  answer('b3', 'autism-next', autism.id, 3, 3)
  // A response to a session outside the period is not read.
  answer('b4', 'slcn-old', slcn.id, 1, 5)
  const takeUpStats = stats()
  return {
    stats: takeUpStats,
    takeUpStats,
    sessions: {
      listSessions: async ({ from, to }) =>
        sessions.filter((s) => sessionStart(s) >= from && sessionStart(s) < to),
    },
    catalogue: {
      listCourses: async () => [slcn, autism],
      listPartners: async () => partners,
      async *listPublishedSessions({ from, to }) {
        for (const session of sessions) {
          const start = sessionStart(session)
          if (session.status === 'published' && start >= from && start < to) yield session
        }
      },
    },
    alerts: {
      openAlertCounts: async () => [
        { courseId: slcn.id, laCode: LEEDS, open: 2 },
        { courseId: slcn.id, laCode: WESTMINSTER, open: 1 },
        { courseId: autism.id, laCode: BRADFORD, open: 1 },
      ],
    },
    ...inMemoryResultsReaders(store),
    clock: fakeClock(),
    laList: LOCAL_AUTHORITIES,
  }
}

describe('the national picture', () => {
  it('counts places booked, attendances, sessions and LAs represented of the 153', async () => {
    const summary = await readNationalSummary(world(), YEAR)
    expect(summary).toMatchObject({
      period: YEAR,
      sessions: 3,
      bookings: 16,
      attendances: 12,
      las: { represented: 3, of: 153, share: 2 },
    })
    expect(summary.byLa).toHaveLength(153)
    expect(summary.byLa.find((la) => la.code === LEEDS)).toEqual({
      code: LEEDS,
      name: 'Leeds',
      regionCode: 'E12000003',
      people: 8,
      bookings: 10,
      attendances: 8,
    })
    expect(summary.byLa.find((la) => la.code === 'E06000001')).toMatchObject({ bookings: 0, people: 0 })
  })

  it('adds each region up from its LAs, its people from the region’s own distinct count', async () => {
    const summary = await readNationalSummary(world(), YEAR)
    expect(summary.byRegion.map((region) => region.name)).toEqual([
      'North East',
      'North West',
      'Yorkshire and The Humber',
      'East Midlands',
      'West Midlands',
      'East of England',
      'London',
      'South East',
      'South West',
    ])
    const yorkshire = summary.byRegion.find((region) => region.code === 'E12000003')
    expect(yorkshire).toEqual({
      code: 'E12000003',
      name: 'Yorkshire and The Humber',
      people: 11,
      attendances: 11,
      lasRepresented: 2,
      las: LOCAL_AUTHORITIES.filter((la) => la.regionCode === 'E12000003').length,
    })
    expect(summary.byRegion.reduce((sum, region) => sum + region.las, 0)).toBe(153)
  })

  it('counts people and settings of one academic year, by kind', async () => {
    const deps = world()
    const summary = await readNationalSummary(deps, YEAR)
    expect(deps.stats.years).toEqual([2025])
    expect(summary.people).toEqual({ total: 13, practitioners: 12, parentsAndCarers: 1, others: 0 })
    expect(summary.settings).toBe(7)
  })

  it.each([
    { from: '2025-09-01', to: '2026-08-30' },
    { from: '2025-09-02', to: '2026-08-31' },
    { from: '2025-09-01', to: '2027-08-31' },
    { from: '2026-01-01', to: '2026-03-31' },
  ])(
    'gives no people, settings or people by area for $from to $to, which is not one academic year',
    async (period) => {
      const deps = world()
      const summary = await readNationalSummary(deps, period)
      expect(deps.stats.years).toEqual([])
      expect(summary.people).toEqual({
        total: null,
        practitioners: null,
        parentsAndCarers: null,
        others: null,
      })
      expect(summary.settings).toBeNull()
      expect(summary.byRegion.every((region) => region.people === null)).toBe(true)
      expect(summary.byLa.every((la) => la.people === null)).toBe(true)
    },
  )

  it('lists courses where people waiting and open alerts exceed the places left to come', async () => {
    const summary = await readNationalSummary(world(), YEAR)
    // SLCN: 3 waiting (the cancelled and draft sessions' are not), 3 alerts, 2 places left in the session to come.
    // Autism: 1 waiting, 1 alert, 4 places left: met.
    expect(summary.demand.byCourse).toEqual([
      { courseId: slcn.id, title: slcn.title, waiting: 3, openAlerts: 3, placesLeft: 2 },
    ])
  })

  it('lists areas by people waiting in the period and open alerts, most first', async () => {
    const summary = await readNationalSummary(world(), YEAR)
    expect(summary.demand.byLa).toEqual([
      { code: LEEDS, name: 'Leeds', waiting: 3, openAlerts: 2 },
      { code: WESTMINSTER, name: 'Westminster', waiting: 2, openAlerts: 1 },
      { code: BRADFORD, name: 'Bradford', waiting: 0, openAlerts: 1 },
    ])
  })

  it('gives satisfaction and confidence uplift by course and by partner from the period’s sessions', async () => {
    const summary = await readNationalSummary(world(), YEAR)
    expect(summary.satisfaction.byCourse).toEqual([
      { id: autism.id, name: autism.title, responses: 1, usefulShare: 0, recommendShare: 100, meanChange: 0 },
      { id: slcn.id, name: slcn.title, responses: 2, usefulShare: 100, recommendShare: 100, meanChange: 1.5 },
    ])
    expect(summary.satisfaction.byPartner).toEqual([
      {
        id: 'spectrum',
        name: 'Spectrum Trust',
        responses: 1,
        usefulShare: 0,
        recommendShare: 100,
        meanChange: 0,
      },
      {
        id: 'talking-together',
        name: 'Talking Together Partnership',
        responses: 2,
        usefulShare: 100,
        recommendShare: 100,
        meanChange: 1.5,
      },
    ])
  })
})

describe('the national download', () => {
  it('has one row per LA with its region, people, places, attendances, waiting and open alerts', async () => {
    const rows = nationalLaRows(await readNationalSummary(world(), YEAR))
    expect(rows).toHaveLength(153)
    expect(rows.find(([code]) => code === LEEDS)).toEqual([
      LEEDS,
      'Leeds',
      'Yorkshire and The Humber',
      8,
      10,
      8,
      3,
      2,
    ])
    expect(rows.find(([code]) => code === 'E06000001')).toEqual([
      'E06000001',
      'Hartlepool',
      'North East',
      0,
      0,
      0,
      0,
      0,
    ])
  })

  it('leaves people empty when the period is not one academic year', async () => {
    const rows = nationalLaRows(await readNationalSummary(world(), { from: '2026-01-01', to: '2026-03-31' }))
    expect(rows.find(([code]) => code === LEEDS)?.[3]).toBe('')
  })
})

describe('unmet demand by course', () => {
  const demand = fc.record({
    courseId: fc.string({ minLength: 1, maxLength: 4 }),
    title: fc.string({ maxLength: 4 }),
    waiting: fc.nat(20),
    openAlerts: fc.nat(20),
    placesLeft: fc.nat(40),
  })
  const unmet = (course: CourseDemand) => course.waiting + course.openAlerts - course.placesLeft

  it('keeps exactly the courses whose demand exceeds their places, most unmet first', () => {
    fc.assert(
      fc.property(fc.array(demand, { maxLength: 12 }), (courses) => {
        const listed = unmetCourses(courses)
        expect(listed).toHaveLength(courses.filter((course) => unmet(course) > 0).length)
        expect(listed.every((course) => unmet(course) > 0)).toBe(true)
        for (const [i, course] of listed.entries()) {
          const next = listed[i + 1]
          if (next) expect(unmet(course)).toBeGreaterThanOrEqual(unmet(next))
        }
      }),
    )
  })

  it('leaves out a course whose waiting and alerts exactly fill its places', () => {
    expect(unmetCourses([{ courseId: 'a', title: 'A', waiting: 2, openAlerts: 1, placesLeft: 3 }])).toEqual(
      [],
    )
  })
})
