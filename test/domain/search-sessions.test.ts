import {
  type CatalogueRepository,
  DEFAULT_POLICY,
  type LocalAuthorities,
  type Session,
  type SessionSearch,
  type SessionSearchDeps,
  searchSessions,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { DAY, fakeClock, LEEDS, makeCourse, makeSession, NOW, WESTMINSTER } from '../support/factories.ts'
import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'

const COURSE = makeCourse()

const WAKEFIELD = 'E08000036'

/** Three LAs in two regions: the rule reads regions through the port, not from reference data. */
const las: LocalAuthorities = {
  has: (code) => [LEEDS, WAKEFIELD, WESTMINSTER].includes(code),
  regionOf: (code) => ({ [LEEDS]: 'yorkshire', [WAKEFIELD]: 'yorkshire', [WESTMINSTER]: 'london' })[code],
}

const venue = (laCode: string) => ({ name: 'Hall', address: ['1 High Street'], postcode: 'LS1 1AA', laCode })

/** Sessions a day apart from 10 March 2026 at 16:00 UTC, in the order given. */
function daily(...sessions: Partial<Session>[]): Session[] {
  return sessions.map((overrides, n) =>
    makeSession({ id: `s${n}`, startsAt: new Date(Date.UTC(2026, 2, 10 + n, 16)), ...overrides }),
  )
}

/** The search over `sessions` of the `slcn-core` course, counting the sessions the listing yields. */
function searchOver(sessions: Session[]) {
  const repository = createInMemoryBookingRepository({ sessions, courses: [COURSE] })
  const read = { count: 0 }
  const catalogue: CatalogueRepository = {
    ...repository,
    async *listPublishedSessions(query) {
      for await (const session of repository.listPublishedSessions(query)) {
        read.count++
        yield session
      }
    },
  }
  const deps: SessionSearchDeps = { catalogue, clock: fakeClock(), las, policy: DEFAULT_POLICY }
  const search = async (query: Partial<SessionSearch> = {}) => {
    const page = await searchSessions(deps, { limit: 20, ...query })
    return { ids: page.items.map((item) => item.session.id), next: page.next, items: page.items }
  }
  return { search, read }
}

describe('searchSessions', () => {
  it('answers a page in start order with each course’s topics, and where the next page starts', async () => {
    const { search } = searchOver(daily({}, {}, {}))

    const first = await search({ limit: 2 })
    expect(first.ids).toEqual(['s0', 's1'])
    expect(first.items[0]?.topics).toEqual(COURSE.topics)
    expect(first.next).toEqual({ startsAt: '2026-03-11T16:00:00.000Z', id: 's1' })

    const second = await search({ limit: 2, ...(first.next ? { after: first.next } : {}) })
    expect(second).toMatchObject({ ids: ['s2'], next: undefined })
  })

  it('stops reading the listing once it has found one match more than a page', async () => {
    const { search, read } = searchOver(daily(...Array.from({ length: 10 }, () => ({}))))
    expect((await search({ limit: 3 })).ids).toEqual(['s0', 's1', 's2'])
    expect(read.count).toBe(4)
  })

  it('reads on past sessions that do not match, and says nothing is left when nothing is', async () => {
    const { search, read } = searchOver(
      daily({}, { format: 'hybrid', venue: venue(LEEDS) }, {}, { format: 'hybrid', venue: venue(LEEDS) }),
    )
    expect(await search({ limit: 2, format: 'hybrid' })).toMatchObject({ ids: ['s1', 's3'], next: undefined })
    expect(read.count).toBe(4)
  })

  it('with an LA, keeps what a person from it may book, and in-person sessions only in its region', async () => {
    const { search } = searchOver(
      daily(
        { id: 'online-open' },
        { id: 'bespoke-elsewhere', bespokeLaCodes: [WESTMINSTER] },
        { id: 'bespoke-for-leeds', bespokeLaCodes: [LEEDS] },
        { id: 'in-person-same-region', format: 'in-person', venue: venue(WAKEFIELD) },
        { id: 'in-person-elsewhere', format: 'in-person', venue: venue(WESTMINSTER) },
        { id: 'in-person-no-venue', format: 'in-person' },
        { id: 'hybrid-elsewhere', format: 'hybrid', venue: venue(WESTMINSTER) },
      ),
    )
    expect((await search({ la: LEEDS })).ids).toEqual([
      'online-open',
      'bespoke-for-leeds',
      'in-person-same-region',
      'hybrid-elsewhere',
    ])
  })

  it.each([
    ['topic', { topic: 'communication-and-language' }, ['s0', 's1', 's2']],
    ['another topic', { topic: 'autism' }, []],
    ['twilight', { twilight: true }, ['s0', 's2']],
    ['not twilight', { twilight: false }, ['s1']],
    ['places left', { available: true }, ['s0', 's1']],
    ['full', { available: false }, ['s2']],
  ] as const)('filters by %s', async (_name, filter, expected) => {
    const { search } = searchOver(
      daily(
        {},
        { parts: [{ startsAt: '2026-03-11T10:00:00.000Z', endsAt: '2026-03-11T12:00:00.000Z' }] },
        {
          heldCount: 10,
        },
      ),
    )
    expect((await search(filter)).ids).toEqual(expected)
  })

  it('filters by course', async () => {
    const { search } = searchOver(daily({}, { courseId: 'makaton-1' }, {}))
    expect((await search({ course: 'slcn-core' })).ids).toEqual(['s0', 's2'])
    expect((await search({ course: 'makaton-1' })).ids).toEqual(['s1'])
  })

  it('searches from now to a year later unless told otherwise', async () => {
    const { search } = searchOver([
      makeSession({ id: 'past', startsAt: new Date(NOW.getTime() - DAY) }),
      makeSession({ id: 'soon', startsAt: new Date(NOW.getTime() + DAY) }),
      makeSession({ id: 'next-year', startsAt: new Date(NOW.getTime() + 366 * DAY) }),
    ])
    expect((await search()).ids).toEqual(['soon'])
    expect((await search({ from: new Date(NOW.getTime() - 2 * DAY) })).ids).toEqual(['past', 'soon'])
  })

  it('refuses a range that ends before it starts, naming `to`', async () => {
    const { search } = searchOver(daily({}))
    await expect(search({ from: NOW, to: NOW })).rejects.toMatchObject({
      code: 'validation-failed',
      fieldErrors: [{ field: 'to', message: 'The end of the range must be after its start' }],
    })
  })
})
