import { randomUUID } from 'node:crypto'
import type { BookingView, NewBookingView } from '@ey/contract'
import { type Person, PRIVACY_NOTICE_VERSION, type Session } from '@ey/domain'
import { createDynamoSessionStore } from '@ey/dynamodb'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { HOUR, MINUTE, makeCourse, makePerson, makeSession, NOW } from '../../../support/factories.ts'
import { booked as bookAndOpen, createTestApi, type TestApi, withToken } from '../support.ts'

const JOINING_URL = 'https://meet.example.org/slcn-core'

describe('/api/bookings/{id}', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
  })

  afterEach(() => api.deps.clock.set(NOW))

  async function session(overrides: Partial<Session> & { startsAt?: Date | string } = {}): Promise<string> {
    const id = `s-${randomUUID()}`
    await storeSessions(api.table, makeSession({ id, joiningUrl: JOINING_URL, ...overrides }))
    return id
  }

  async function booked(sessionId: string, person: Partial<Person> = {}): Promise<NewBookingView> {
    return bookAndOpen(api, sessionId, { email: `${randomUUID()}@example.org`, ...person })
  }

  const get = (b: NewBookingView) => api.app.request(`/api/bookings/${b.id}`, withToken(b.manageToken))
  const view = async (b: NewBookingView): Promise<BookingView> => (await get(b)).json()
  const act = (b: NewBookingView, action: 'accept' | 'decline') =>
    api.app.request(`/api/bookings/${b.id}/offer/${action}`, withToken(b.manageToken, { method: 'POST' }))
  const cancel = (b: NewBookingView) =>
    api.app.request(`/api/bookings/${b.id}`, withToken(b.manageToken, { method: 'DELETE' }))

  it('answers the booking, the person’s details and the session in London time, with the joining link', async () => {
    const sessionId = await session({ startsAt: '2026-04-14T15:00:00Z' })
    const made = await booked(sessionId, { email: 'grace@example.org', accessNeeds: 'Captions' })
    const res = await get(made)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      id: made.id,
      reference: made.reference,
      sessionId,
      status: 'confirmed',
      person: makePerson({ email: 'grace@example.org', accessNeeds: 'Captions' }),
      session: {
        id: sessionId,
        courseId: 'slcn-core',
        title: 'Speech, language and communication: core',
        startsAt: '2026-04-14T16:00:00+01:00',
        endsAt: '2026-04-14T17:30:00+01:00',
        parts: [{ startsAt: '2026-04-14T16:00:00+01:00', endsAt: '2026-04-14T17:30:00+01:00' }],
        format: 'online',
        status: 'published',
      },
      joiningUrl: JOINING_URL,
      laSharing: [{ agreed: true, at: '2026-03-02T09:00:00+00:00', noticeVersion: PRIVACY_NOTICE_VERSION }],
      createdAt: '2026-03-02T09:00:00+00:00',
      updatedAt: '2026-03-02T09:00:00+00:00',
    })
  })

  it('keeps the setting’s Ofsted URN without its spaces, and the newer roles', async () => {
    const made = await booked(await session(), { ofstedUrn: ' 123 4567 ', role: 'community-nurse' })
    expect((await view(made)).person).toMatchObject({ ofstedUrn: '1234567', role: 'community-nurse' })
  })

  it('shows a waiting person their place in the queue and no joining link', async () => {
    const sessionId = await session({ capacity: 1 })
    await booked(sessionId)
    const waiting = await view(await booked(sessionId))
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect(waiting).not.toHaveProperty('joiningUrl')
  })

  it.each([
    ['no Authorization header', {}],
    ['another scheme', { headers: { Authorization: 'Basic YWRhOmxvdmVsYWNl' } }],
    ['an empty bearer', { headers: { Authorization: 'Bearer ' } }],
  ])('answers 401 with WWW-Authenticate: Bearer for %s', async (_case, init) => {
    const made = await booked(await session())
    for (const method of ['GET', 'DELETE']) {
      const res = await api.app.request(`/api/bookings/${made.id}`, { ...init, method })
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer')
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(await res.json()).toMatchObject({ code: 'unauthorized', status: 401 })
    }
    expect((await view(made)).status).toBe('confirmed')
  })

  it('answers the same 404 for a wrong token, another booking’s token and an unknown id, and changes nothing', async () => {
    const sessionId = await session()
    const mine = await booked(sessionId)
    const theirs = await booked(sessionId)
    const attempts = [
      [mine.id, 'wrong-token'],
      [mine.id, theirs.manageToken],
      ['no-such-booking', mine.manageToken],
    ] as const
    const bodies = []
    for (const [id, token] of attempts) {
      for (const method of ['GET', 'DELETE']) {
        const res = await api.app.request(`/api/bookings/${id}`, withToken(token, { method }))
        expect(res.status).toBe(404)
        const { code, title, detail } = await res.json()
        bodies.push({ code, title, detail })
      }
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)
    expect(bodies[0]?.code).toBe('booking-not-found')
    expect((await view(mine)).status).toBe('confirmed')
  })

  it('cancels with the token, answers the cancelled booking and gives the place to the first waiting', async () => {
    const sessionId = await session({ capacity: 1 })
    const first = await booked(sessionId)
    const second = await booked(sessionId)
    const res = await cancel(first)
    expect(res.status).toBe(200)
    const cancelled = await res.json()
    expect(cancelled).toMatchObject({ id: first.id, status: 'cancelled' })
    expect(cancelled).not.toHaveProperty('joiningUrl')
    expect(await view(second)).toMatchObject({ status: 'confirmed', joiningUrl: JOINING_URL })
    expect((await cancel(first)).status).toBe(200)
    expect((await view(first)).status).toBe('cancelled')
  })

  it('records a cancellation after bookings close as late, and refuses one after the start with 409', async () => {
    const start = new Date(NOW.getTime() + 2 * HOUR)
    const sessionId = await session({ startsAt: start })
    const late = await booked(sessionId)
    const tooLate = await booked(sessionId)
    api.deps.clock.set(new Date(start.getTime() - 30 * MINUTE))
    expect(await (await cancel(late)).json()).toMatchObject({ status: 'late-cancelled' })
    api.deps.clock.set(new Date(start.getTime() + MINUTE))
    const res = await cancel(tooLate)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'cancellation-closed' })
  })

  it('offers a freed place close to the start, which the person accepts', async () => {
    const sessionId = await session({ capacity: 1, startsAt: new Date(NOW.getTime() + 12 * HOUR) })
    const first = await booked(sessionId)
    const second = await booked(sessionId)
    await cancel(first)
    const offered = await view(second)
    expect(offered).toMatchObject({ status: 'offered', offerExpiresAt: '2026-03-02T13:00:00+00:00' })
    expect(offered).not.toHaveProperty('joiningUrl')
    const res = await act(second, 'accept')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'confirmed', joiningUrl: JOINING_URL })
    expect(await view(second)).not.toHaveProperty('offerExpiresAt')
  })

  it('passes a declined offer to the next in line', async () => {
    const sessionId = await session({ capacity: 1, startsAt: new Date(NOW.getTime() + 12 * HOUR) })
    const first = await booked(sessionId)
    const second = await booked(sessionId)
    const third = await booked(sessionId)
    await cancel(first)
    const res = await act(second, 'decline')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'declined' })
    expect(await view(third)).toMatchObject({ status: 'offered' })
  })

  it.each(['accept', 'decline'] as const)('answers 409 no-offer to %s without an offer', async (action) => {
    const made = await booked(await session())
    const res = await act(made, action)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'no-offer' })
    expect((await view(made)).status).toBe('confirmed')
  })

  it.each(['accept', 'decline'])('answers 401 to %s without a token', async (action) => {
    const made = await booked(await session())
    const res = await api.app.request(`/api/bookings/${made.id}/offer/${action}`, { method: 'POST' })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer')
  })

  it('shows the session as cancelled, without the joining link, once it is called off', async () => {
    const sessionId = await session()
    const made = await booked(sessionId)
    // As a cancellation marks the session before it ends each booking.
    const sessions = createDynamoSessionStore(api.table)
    const published = await sessions.getSession(sessionId)
    if (!published) throw new Error('the session is missing')
    await sessions.saveSession({ ...published, status: 'cancelled' }, 'published')
    const shown = await view(made)
    expect(shown.session.status).toBe('cancelled')
    expect(shown).not.toHaveProperty('joiningUrl')
  })
})
