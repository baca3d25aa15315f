import type { SessionView } from '@ey/contract'
import { QUERY_BOUNDS, type Session } from '@ey/domain'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import {
  LEEDS,
  makeCourse,
  makePartner,
  makeSession,
  makeVenue,
  partAt,
  WESTMINSTER,
} from '../../../support/factories.ts'
import { createTestApi, type TestApi } from '../support.ts'

const CAMDEN = 'E09000007'
const WAKEFIELD = 'E08000036'
const HARTLEPOOL = 'E06000001'

const venue = (laCode: string, name = 'Family hub') =>
  makeVenue({ name, laCode, accessibility: 'Step-free entrance' })

// The factories' clock stands at Monday 2 March 2026, 09:00 London (GMT); BST starts on 29 March.
const SESSIONS: Session[] = [
  makeSession({
    id: 'online-twilight',
    startsAt: '2026-03-10T16:00:00Z',
    joiningUrl: 'https://meet.example.org/secret-room',
  }),
  makeSession({
    id: 'leeds-venue',
    startsAt: '2026-03-11T10:00:00Z',
    format: 'in-person',
    venue: venue(LEEDS, 'Leeds family hub'),
    capacity: 2,
    heldCount: 2,
    waitingCount: 1,
  }),
  makeSession({
    id: 'westminster-venue',
    courseId: 'autism-awareness',
    startsAt: '2026-03-12T17:00:00Z',
    format: 'in-person',
    venue: venue(WESTMINSTER),
  }),
  makeSession({
    id: 'bespoke-camden',
    courseId: 'autism-awareness',
    startsAt: '2026-03-13T09:30:00Z',
    bespokeLaCodes: [CAMDEN],
  }),
  makeSession({ id: 'saturday', startsAt: '2026-03-14T16:00:00Z' }),
  makeSession({
    id: 'wakefield-venue',
    startsAt: '2026-03-18T10:00:00Z',
    format: 'in-person',
    venue: venue(WAKEFIELD),
  }),
  makeSession({
    id: 'hybrid-bst',
    format: 'hybrid',
    venue: venue(HARTLEPOOL),
    parts: [partAt('2026-04-14T15:00:00Z', 120), partAt('2026-04-21T15:00:00Z', 120)],
  }),
  makeSession({ id: 'next-year', startsAt: '2027-05-04T16:00:00Z' }),
  makeSession({ id: 'draft', startsAt: '2026-03-20T16:00:00Z', status: 'draft' }),
  makeSession({ id: 'cancelled', startsAt: '2026-03-21T16:00:00Z', status: 'cancelled' }),
]

const IN_RANGE = [
  'online-twilight',
  'leeds-venue',
  'westminster-venue',
  'bespoke-camden',
  'saturday',
  'wakefield-venue',
  'hybrid-bst',
]

describe('GET /api/sessions', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putPartner(makePartner())
    await api.catalogue.putCourse(makeCourse())
    await api.catalogue.putCourse(
      makeCourse({ id: 'autism-awareness', title: 'Autism awareness', topics: ['autism'] }),
    )
    await storeSessions(api.table, ...SESSIONS)
  })

  async function list(query = ''): Promise<{ items: SessionView[]; nextCursor: string | null }> {
    const res = await api.app.request(`/api/sessions${query}`)
    expect(res.status).toBe(200)
    return res.json()
  }
  const ids = async (query: string) => (await list(query)).items.map((s) => s.id)

  it('lists published sessions of the coming year in start order, drafts and cancelled ones left out', async () => {
    const page = await list()
    expect(page.items.map((s) => s.id)).toEqual(IN_RANGE)
    expect(page.nextCursor).toBeNull()
  })

  it('describes each session in London time with its places, window and topics', async () => {
    const [first] = (await list('?limit=1')).items
    expect(first).toEqual({
      id: 'online-twilight',
      courseId: 'slcn-core',
      title: 'Speech, language and communication: core',
      startsAt: '2026-03-10T16:00:00+00:00',
      endsAt: '2026-03-10T17:30:00+00:00',
      format: 'online',
      twilight: true,
      capacity: 10,
      placesLeft: 10,
      waitlistLength: 0,
      bookable: true,
      bespokeLaCodes: [],
      parts: [{ startsAt: '2026-03-10T16:00:00+00:00', endsAt: '2026-03-10T17:30:00+00:00' }],
      topics: ['communication-and-language'],
      bookingClosesAt: '2026-03-10T15:00:00+00:00',
      status: 'published',
    })
  })

  it('gives every part with the summer-time offset and the venue without any joining link', async () => {
    const res = await api.app.request('/api/sessions?format=hybrid')
    const text = await res.text()
    const [hybrid] = JSON.parse(text).items as SessionView[]
    expect(hybrid?.parts).toEqual([
      { startsAt: '2026-04-14T16:00:00+01:00', endsAt: '2026-04-14T18:00:00+01:00' },
      { startsAt: '2026-04-21T16:00:00+01:00', endsAt: '2026-04-21T18:00:00+01:00' },
    ])
    expect(hybrid?.endsAt).toBe('2026-04-21T18:00:00+01:00')
    expect(hybrid?.venue).toEqual(venue(HARTLEPOOL))
    const all = await (await api.app.request('/api/sessions')).text()
    expect(all).not.toContain('meet.example.org')
    expect(all).not.toContain('joiningUrl')
  })

  it('shows a full session with no places left, its waiting list and still bookable (onto the list)', async () => {
    const leeds = (await list('?format=in-person')).items.find((s) => s.id === 'leeds-venue')
    expect(leeds).toMatchObject({ placesLeft: 0, waitlistLength: 1, bookable: true, twilight: false })
  })

  it.each([
    [
      'dates, the end date included whole',
      '?from=2026-03-11&to=2026-03-13',
      ['leeds-venue', 'westminster-venue', 'bespoke-camden'],
    ],
    [
      'instants, from inclusive and to exclusive',
      '?from=2026-03-11T10:00:00Z&to=2026-03-12T17:00:00Z',
      ['leeds-venue'],
    ],
    ['an instant with an offset', '?from=2026-04-14T16:00:00%2B01:00', ['hybrid-bst']],
    ['a range reaching into the next year', '?from=2026-04-14&to=2027-05-04', ['hybrid-bst', 'next-year']],
  ])('narrows by date range given as %s', async (_name, query, expected) => {
    expect(await ids(query)).toEqual(expected)
  })

  it.each([
    ['topic=autism', ['westminster-venue', 'bespoke-camden']],
    [
      'topic=communication-and-language',
      ['online-twilight', 'leeds-venue', 'saturday', 'wakefield-venue', 'hybrid-bst'],
    ],
    ['topic=signing', []],
    ['format=in-person', ['leeds-venue', 'westminster-venue', 'wakefield-venue']],
    ['format=online', ['online-twilight', 'bespoke-camden', 'saturday']],
    ['format=hybrid', ['hybrid-bst']],
    ['twilight=true', ['online-twilight', 'westminster-venue', 'hybrid-bst']],
    ['twilight=false', ['leeds-venue', 'bespoke-camden', 'saturday', 'wakefield-venue']],
    ['available=true', IN_RANGE.filter((id) => id !== 'leeds-venue')],
    ['available=false', ['leeds-venue']],
    [`la=${WAKEFIELD}`, ['online-twilight', 'leeds-venue', 'saturday', 'wakefield-venue', 'hybrid-bst']],
    [`la=${CAMDEN}`, ['online-twilight', 'westminster-venue', 'bespoke-camden', 'saturday', 'hybrid-bst']],
    [`la=${WESTMINSTER}`, ['online-twilight', 'westminster-venue', 'saturday', 'hybrid-bst']],
    [`la=${CAMDEN}&topic=autism&twilight=false`, ['bespoke-camden']],
    [`la=${LEEDS}&format=in-person&available=true`, ['wakefield-venue']],
  ])('filters with %s', async (query, expected) => {
    expect(await ids(`?${query}`)).toEqual(expected)
  })

  it('pages through every session with the cursor, each exactly once', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page: { items: SessionView[]; nextCursor: string | null } = await list(
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      )
      seen.push(...page.items.map((s) => s.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(seen).toEqual(IN_RANGE)
    expect(pages).toBe(3)
  })

  it('pages through a filtered list and ends without a cursor when the last page is exactly full', async () => {
    const first = await list('?twilight=true&limit=2')
    expect(first.items.map((s) => s.id)).toEqual(['online-twilight', 'westminster-venue'])
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await list(`?twilight=true&limit=2&cursor=${first.nextCursor}`)
    expect(second.items.map((s) => s.id)).toEqual(['hybrid-bst'])
    expect(second.nextCursor).toBeNull()
    expect((await list('?twilight=true&limit=3')).nextCursor).toBeNull()
  })

  it('defaults to 20 a page and accepts up to 100', async () => {
    expect(await ids('?limit=100')).toEqual(IN_RANGE)
    expect(await ids('')).toHaveLength(IN_RANGE.length)
  })

  it.each([
    ['topic', 'topic=cooking'],
    ['format', 'format=zoom'],
    ['twilight', 'twilight=yes'],
    ['available', 'available=1'],
    ['la', 'la=E99999999'],
    ['la', 'la=E08999999'],
    ['limit', 'limit=0'],
    ['limit', 'limit=ten'],
    ['from', 'from=tomorrow'],
    ['to', 'to=2026-13-01'],
    ['cursor', 'cursor=not*base64'],
    ['cursor', `cursor=${Buffer.from('nonsense').toString('base64url')}`],
    ['cursor', `cursor=${Buffer.from('2026-03-10T16:00:00.000Z#bad id').toString('base64url')}`],
    ['to', 'from=2026-03-12&to=2026-03-11'],
    ['to', 'to=2026-03-01'],
  ])('answers 400 problem+json naming %s for %s', async (field, query) => {
    const res = await api.app.request(`/api/sessions?${query}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = await res.json()
    expect(problem).toMatchObject({ status: 400, code: 'validation-failed', instance: '/api/sessions' })
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field])
  })

  it.each([
    ['to', 'from=2026-03-02T00:00:00Z&to=2027-04-06T00:00:01Z', 'a second over 400 days'],
    ['to', 'from=2026-03-02&to=2027-04-06', 'London dates whose range is 401 days less an hour'],
    ['to', 'to=2027-12-31', 'a range of more than 400 days from now'],
    ['to', `from=1900-01-01&to=2100-01-01`, 'a range of two centuries'],
    ['limit', 'limit=101', 'a page of 101'],
  ])('answers 422 beyond-bounds naming %s for %s (%s) and runs no Query', async (field, query) => {
    const listing = vi.spyOn(api.deps.catalogue, 'listPublishedSessions')
    const courses = vi.spyOn(api.deps.catalogue, 'listCourses')
    try {
      const res = await api.app.request(`/api/sessions?${query}`)
      expect(res.status).toBe(422)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const problem = await res.json()
      expect(problem).toMatchObject({ status: 422, code: 'beyond-bounds', instance: '/api/sessions' })
      expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([field])
      expect(listing).not.toHaveBeenCalled()
      expect(courses).not.toHaveBeenCalled()
    } finally {
      listing.mockRestore()
      courses.mockRestore()
    }
  })

  it('answers the largest range and page it allows: 400 days, 100 a page', async () => {
    // 2 March 2026 to 6 April 2027, midnight UTC, is exactly 400 days.
    const page = await list(
      `?from=2026-03-02T00:00:00Z&to=2027-04-06T00:00:00Z&limit=${QUERY_BOUNDS.pageSize}`,
    )
    expect(page.items.map((s) => s.id)).toEqual(IN_RANGE)
    expect(QUERY_BOUNDS.sessionSearchDays).toBe(400)
  })
})

describe('GET /api/sessions/{id}', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
    await storeSessions(api.table, ...SESSIONS)
  })

  it('answers one session with its places left and topics', async () => {
    const res = await api.app.request('/api/sessions/leeds-venue')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      id: 'leeds-venue',
      placesLeft: 0,
      waitlistLength: 1,
      topics: ['communication-and-language'],
      venue: venue(LEEDS, 'Leeds family hub'),
      status: 'published',
    })
  })

  it('answers a cancelled session with status cancelled and not bookable', async () => {
    const res = await api.app.request('/api/sessions/cancelled')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id: 'cancelled', status: 'cancelled', bookable: false })
  })

  it.each(['unknown', 'draft'])('answers 404 problem+json for a %s session', async (id) => {
    const res = await api.app.request(`/api/sessions/${id}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({
      type: 'https://problems.early-years-send.example/session-not-found',
      title: 'Session not found',
      status: 404,
      code: 'session-not-found',
      instance: `/api/sessions/${id}`,
      errors: [],
    })
  })

  it('answers 400 naming id when the id is not one', async () => {
    const res = await api.app.request('/api/sessions/no%20spaces')
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([{ field: 'id', message: expect.any(String) }])
  })
})
