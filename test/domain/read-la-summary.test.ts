import {
  AccessDeniedError,
  type Booking,
  type DayRange,
  type LaSummaryDeps,
  readLaSummary,
  type StaffPrincipal,
  type TakeUpCounts,
  type TakeUpStats,
} from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'
import { describe, expect, it } from 'vitest'
import {
  fakeClock,
  LEEDS,
  makeBooking,
  makeCourse,
  makePerson,
  makeQuestionnaireResponse,
  makeQuestionnaireTemplate,
  makeSnapshot,
  partAt,
  WESTMINSTER,
} from '../support/factories.ts'
import { createInMemoryQuestionnaires, inMemoryResultsReaders } from '../support/in-memory-questionnaires.ts'

const c = 'c'
const WAKEFIELD = 'E08000036'
const YORKSHIRE = 'E12000003'
const YEAR = { from: '2026-09-01', to: '2027-08-31' }
const admin: StaffPrincipal = { sub: 'admin', roles: ['admin'], laCodes: [] }
const leedsOfficer: StaffPrincipal = { sub: 'la-leeds', roles: ['la-officer'], laCodes: [LEEDS] }
const trainer: StaffPrincipal = { sub: 'trainer-amira', roles: ['trainer'], laCodes: [] }

const counts = (bookings: number, attended = 0): TakeUpCounts => ({
  bookings,
  attended,
  noShows: 0,
  lateCancellations: 2,
  waiting: 0,
})

/** Aggregates of England, Leeds, Wakefield (also Yorkshire) and Westminster, recording what is asked. */
function fakeStats(asked: string[]): TakeUpStats {
  return {
    async counts(period) {
      asked.push(`counts ${period.from} ${period.to}`)
      return {
        england: counts(1000, 800),
        byLa: new Map([
          [LEEDS, counts(12, 12)],
          [WAKEFIELD, counts(30, 20)],
          [WESTMINSTER, counts(100, 90)],
        ]),
      }
    },
    async reach(startYear) {
      asked.push(`reach ${startYear}`)
      const reach = (people: number, settings: number) => ({
        people,
        settings,
        peopleByKind: { practitioner: people, 'parent-or-carer': 0, other: 0 },
      })
      return {
        england: reach(700, 300),
        byRegion: new Map([[YORKSHIRE, reach(3, 30)]]),
        byLa: new Map([[LEEDS, reach(3, 3)]]),
      }
    },
  }
}

/**
 * Twelve Leeds people who attended in October and answered pre (confidence 2) and post
 * (confidence 4, useful), two pages of bookings; and a Westminster booking with answers of its own.
 */
function world(asked: string[] = []): LaSummaryDeps & { pagesRead: DayRange[] } {
  const store = createInMemoryQuestionnaires()
  store.addTemplate(makeQuestionnaireTemplate({ id: 'tpl-pre', kind: 'pre' }))
  store.addTemplate(makeQuestionnaireTemplate())
  const made = (id: string, laCode: string) =>
    makeBooking({
      id,
      status: 'attended',
      person: makePerson({ laCode, email: `${id}@example.org`, settingName: `Setting ${id}` }),
      emailKey: `${id}@example.org`,
      session: makeSnapshot({ parts: [partAt('2026-10-06T15:00:00Z')] }),
    })
  const leeds = Array.from({ length: 12 }, (_, i) => made(`leeds-${i}`, LEEDS))
  const other = made('westminster-1', WESTMINSTER)
  for (const booking of [...leeds, other]) {
    const base = { bookingId: booking.id, laCode: booking.person.laCode }
    store.addResponse(
      makeQuestionnaireResponse({ ...base, kind: 'pre', templateId: 'tpl-pre', answers: { confidence: 2 } }),
    )
    store.addResponse(makeQuestionnaireResponse({ ...base, answers: { confidence: 4, useful: true } }))
  }
  const byLa = new Map<string, Booking[]>([
    [LEEDS, leeds],
    [WESTMINSTER, [other]],
  ])
  const pagesRead: DayRange[] = []
  return {
    pagesRead,
    laBookings: {
      async *pages(laCode, period) {
        pagesRead.push(period)
        const all = byLa.get(laCode) ?? []
        yield all.slice(0, 5)
        yield all.slice(5)
      },
    },
    catalogue: { listCourses: async () => [makeCourse()] },
    ...inMemoryResultsReaders(store),
    alerts: {
      openAlertCounts: async () => [
        { courseId: 'slcn-core', laCode: LEEDS, open: 6 },
        { courseId: 'slcn-core', laCode: WESTMINSTER, open: 40 },
      ],
    },
    takeUpStats: fakeStats(asked),
    las: localAuthorities,
    clock: fakeClock(),
  }
}

describe('readLaSummary', () => {
  it("answers the LA's own figures for the period, suppressed, from every page of its bookings", async () => {
    const deps = world()
    const report = await readLaSummary(deps, leedsOfficer, { laCode: LEEDS, period: YEAR })
    expect(deps.pagesRead).toEqual([YEAR])
    expect(report).toMatchObject({
      laCode: LEEDS,
      regionCode: YORKSHIRE,
      period: YEAR,
      totals: { bookings: 12, attended: 12, noShows: 0, lateCancellations: 0, people: 12, settings: 12 },
      byCourse: [{ courseId: 'slcn-core', bookings: 12, attended: 12 }],
      byRole: [{ role: 'childminder', people: 12 }],
      demand: { waiting: 0, openAlerts: 6, byCourse: [{ courseId: 'slcn-core', waiting: 0, openAlerts: 6 }] },
    })
    expect(report.byMonth.find((row) => row.month === '2026-10')).toEqual({
      month: '2026-10',
      bookings: 12,
      attended: 12,
    })
  })

  it("computes the results of the LA's people only, read by booking, with the small-number rule", async () => {
    const report = await readLaSummary(world(), admin, { laCode: LEEDS, period: YEAR })
    expect(report.results).toMatchObject({
      responses: { pre: 12, post: 12, matched: 12 },
      answerable: { pre: 12, post: 12 },
      responseRates: { pre: 100, post: 100 },
      usefulShare: 100,
    })
    expect(report.results.ratings[0]).toMatchObject({ tag: 'confidence', n: 12, meanBefore: 2, meanAfter: 4 })
    const westminster = await readLaSummary(world(), admin, { laCode: WESTMINSTER, period: YEAR })
    expect(westminster.results).toMatchObject({ responses: { pre: c, post: c }, usefulShare: c })
  })

  it('gives the region (the sum of its LAs) and England from the aggregates, people for one academic year', async () => {
    const asked: string[] = []
    const report = await readLaSummary(world(asked), admin, { laCode: LEEDS, period: YEAR })
    expect(asked.sort()).toEqual(['counts 2026-09-01 2027-08-31', 'reach 2026'])
    expect(report.region).toEqual({
      code: YORKSHIRE,
      totals: { bookings: 42, attended: 32, noShows: 0, lateCancellations: c, people: c, settings: 30 },
    })
    expect(report.england).toEqual({
      totals: { bookings: 1000, attended: 800, noShows: 0, lateCancellations: c, people: 700, settings: 300 },
    })
  })

  it('leaves people and settings of the region and England null for any other period', async () => {
    const asked: string[] = []
    const period = { from: '2026-09-01', to: '2027-08-30' }
    const report = await readLaSummary(world(asked), admin, { laCode: LEEDS, period })
    expect(asked).toEqual(['counts 2026-09-01 2027-08-30'])
    expect(report.region.totals).toMatchObject({ bookings: 42, people: null, settings: null })
    expect(report.england.totals).toMatchObject({ people: null, settings: null })
  })

  it('fails when a page’s responses cannot be read, once every page is read', async () => {
    const deps = world()
    const failing: LaSummaryDeps = {
      ...deps,
      laBookings: {
        async *pages(laCode, period) {
          for await (const page of deps.laBookings.pages(laCode, period)) {
            yield page
            // The next page comes later, as from the table: the first page's failure waits for it.
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
        },
      },
      responses: {
        forBookings: async () => {
          throw new Error('BatchGet failed')
        },
      },
    }
    await expect(readLaSummary(failing, admin, { laCode: LEEDS, period: YEAR })).rejects.toThrow(
      'BatchGet failed',
    )
    expect(deps.pagesRead).toEqual([YEAR])
  })

  it('reads the academic year of today by default, and refuses dates that make no period', async () => {
    const report = await readLaSummary(world(), admin, { laCode: LEEDS, period: {} })
    expect(report.period).toEqual({ from: '2025-09-01', to: '2026-08-31' })
    const backwards = { from: '2026-10-02', to: '2026-10-01' }
    await expect(readLaSummary(world(), admin, { laCode: LEEDS, period: backwards })).rejects.toMatchObject({
      code: 'invalid-period',
    })
    await expect(
      readLaSummary(world(), leedsOfficer, { laCode: WESTMINSTER, period: backwards }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('refuses an LA officer another LA, and anyone but LA officers and administrators', async () => {
    const refusals: [StaffPrincipal, string][] = [
      [leedsOfficer, WESTMINSTER],
      [trainer, LEEDS],
      [{ ...leedsOfficer, roles: [] }, LEEDS],
    ]
    for (const [principal, laCode] of refusals) {
      const deps = world()
      const refused = readLaSummary(deps, principal, { laCode, period: YEAR })
      await expect(refused).rejects.toBeInstanceOf(AccessDeniedError)
      await expect(refused).rejects.toMatchObject({ status: 403 })
      expect(deps.pagesRead).toEqual([])
    }
    await expect(readLaSummary(world(), admin, { laCode: WESTMINSTER, period: YEAR })).resolves.toMatchObject(
      {
        laCode: WESTMINSTER,
      },
    )
  })
})
