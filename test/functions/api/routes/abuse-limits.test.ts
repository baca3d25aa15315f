import { randomUUID } from 'node:crypto'
import { DEFAULT_ABUSE_LIMITS } from '@ey/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { HOUR, makeCourse, makePerson, makeSession, NOW } from '../../../support/factories.ts'
import { createTestApi, newKey, type TestApi } from '../support.ts'

const TIGHT = {
  ...DEFAULT_ABUSE_LIMITS,
  bookingPerAddressPerMinute: 2,
  lookupPerEmailPerMinute: 1,
  checkInPerBookingPerMinute: 1,
  waitingListMinimum: 1,
  waitingListPerPlace: 1,
}

describe('abuse limits on the public routes', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi({ limits: TIGHT })
    await api.catalogue.putCourse(makeCourse())
  })

  async function session(capacity = 10): Promise<string> {
    const id = `s-${randomUUID()}`
    await storeSessions(
      api.table,
      makeSession({ id, capacity, startsAt: new Date(NOW.getTime() + 48 * HOUR) }),
    )
    return id
  }

  const book = (sessionId: string, email: string, address: string) =>
    api.app.request(`/api/sessions/${sessionId}/bookings`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': newKey(),
        'x-viewer-address': address,
      },
      body: JSON.stringify(makePerson({ email })),
    })

  async function expectProblem(res: Response, status: number, code: string) {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = (await res.json()) as { type: string; code: string; detail: string }
    expect(body.type).toBe(`https://problems.early-years-send.example/${code}`)
    return body
  }

  it('answers 429 problem+json with Retry-After past the booking requests a minute from one address, and books nothing', async () => {
    const id = await session()
    expect((await book(id, 'a@example.org', '198.51.100.1')).status).toBe(202)
    expect((await book(id, 'b@example.org', '198.51.100.1')).status).toBe(202)

    const refused = await book(id, 'c@example.org', '198.51.100.1')

    const body = await expectProblem(refused, 429, 'rate-limit-address')
    expect(body.detail).toMatch(/At most 2 booking requests a minute/)
    // The test clock stands at 09:00:00: the window ends in a minute.
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(await api.deps.bookings.getSession(id)).toMatchObject({ heldCount: 2 })
    // Another address is counted apart.
    expect((await book(id, 'c@example.org', '198.51.100.2')).status).toBe(202)
  })

  it('answers 409 waiting-list-full once the waiting list holds its cap, to a stranger and a holder alike', async () => {
    const id = await session(1)
    expect((await book(id, 'first@example.org', '192.0.2.1')).status).toBe(202)
    expect((await book(id, 'waiting@example.org', '192.0.2.2')).status).toBe(202)

    const stranger = await book(id, 'stranger@example.org', '192.0.2.3')
    const holder = await book(id, 'waiting@example.org', '192.0.2.4')

    const body = await expectProblem(stranger, 409, 'waiting-list-full')
    expect(body.detail).toMatch(/waiting list is full/)
    expect(await holder.json()).toEqual(body)
    expect(await api.deps.bookings.getSession(id)).toMatchObject({ heldCount: 1, waitingCount: 1 })
  })

  it('answers 429 to a second list of bookings asked for one email address within the minute', async () => {
    const lookup = () =>
      api.app.request('/api/bookings/lookup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'lookup@example.org' }),
      })
    expect((await lookup()).status).toBe(202)
    const refused = await lookup()
    await expectProblem(refused, 429, 'rate-limit-email')
    expect(refused.headers.get('retry-after')).toBe('60')
  })

  it('answers 429 to a second check-in for one booking within the minute, before opening the booking', async () => {
    const checkIn = () =>
      api.app.request('/api/bookings/b-1/check-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not-a-token' },
        body: JSON.stringify({ code: '123456' }),
      })
    expect((await checkIn()).status).toBe(404)
    await expectProblem(await checkIn(), 429, 'rate-limit-booking')
  })
})
