import { randomUUID } from 'node:crypto'
import type { BookingView, NewBookingView, SessionView } from '@ey/contract'
import type { Session } from '@ey/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { DAY, makeCourse, makeSession, NOW } from '../../../support/factories.ts'
import { booked as bookAndOpen, createTestApi, newKey, type TestApi, withToken } from '../support.ts'

describe('moving a booking to another date', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
    await api.catalogue.putCourse(makeCourse({ id: 'autism-awareness', title: 'Autism awareness' }))
  })

  async function session(overrides: Partial<Session> & { startsAt?: Date } = {}): Promise<string> {
    const id = `s-${randomUUID()}`
    await storeSessions(
      api.table,
      makeSession({ id, startsAt: new Date(NOW.getTime() + 7 * DAY), ...overrides }),
    )
    return id
  }

  async function booked(sessionId: string): Promise<NewBookingView> {
    return bookAndOpen(api, sessionId, { email: `${randomUUID()}@example.org` })
  }

  const move = (b: NewBookingView, sessionId: unknown, key = newKey()) =>
    api.app.request(
      `/api/bookings/${b.id}/move`,
      withToken(b.manageToken, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ sessionId }),
      }),
    )
  const view = async (b: { id: string; manageToken: string }): Promise<BookingView> =>
    (await api.app.request(`/api/bookings/${b.id}`, withToken(b.manageToken))).json()

  it('lists the other dates of the course with places, in start order', async () => {
    const now = await session()
    const soon = await session({ startsAt: new Date(NOW.getTime() + 10 * DAY) })
    const later = await session({ startsAt: new Date(NOW.getTime() + 20 * DAY) })
    await session({ courseId: 'autism-awareness' })
    const made = await booked(now)
    const res = await api.app.request(`/api/bookings/${made.id}/move-options`, withToken(made.manageToken))
    expect(res.status).toBe(200)
    const items: SessionView[] = (await res.json()).items
    const ids = items.map((s) => s.id)
    expect(ids).toContain(soon)
    expect(ids.indexOf(soon)).toBeLessThan(ids.indexOf(later))
    expect(ids).not.toContain(now)
    expect(items.every((s) => s.courseId === 'slcn-core' && s.bookable)).toBe(true)
  })

  it('answers 201 with the new booking and cancels the old one; a retry with the key answers the same', async () => {
    const from = await session({ capacity: 1 })
    const to = await session({ startsAt: new Date(NOW.getTime() + 9 * DAY) })
    const made = await booked(from)
    const key = newKey()
    const res = await move(made, to, key)
    expect(res.status).toBe(201)
    const moved: NewBookingView = await res.json()
    expect(moved).toMatchObject({ sessionId: to, status: 'confirmed' })
    expect(moved.manageUrl).toContain(`/manage#id=${moved.id}&token=`)
    expect((await view(made)).status).toBe('cancelled')
    expect((await view(moved)).status).toBe('confirmed')
    const again = await move(made, to, key)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await again.json()).id).toBe(moved.id)
  })

  it('answers 409 and changes nothing when the other date is full', async () => {
    const from = await session()
    const to = await session({ capacity: 1, startsAt: new Date(NOW.getTime() + 9 * DAY) })
    await booked(to)
    const made = await booked(from)
    const res = await move(made, to)
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({
      code: 'invalid-transition',
      detail: 'There are no places left on that date, so your booking has not changed.',
    })
    expect((await view(made)).status).toBe('confirmed')
  })

  it.each([
    ['no session', undefined, 'sessionId'],
    ['a session of another course', 'other', 'sessionId'],
  ])('answers 400 naming the field for %s', async (_case, target, field) => {
    const other = await session({ courseId: 'autism-awareness' })
    const made = await booked(await session())
    const res = await move(made, target === 'other' ? other : target)
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([{ field, message: expect.any(String) }])
  })

  it('answers 401 without the token and 404 with a wrong one', async () => {
    const made = await booked(await session())
    const to = await session()
    const anonymous = await api.app.request(`/api/bookings/${made.id}/move`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: JSON.stringify({ sessionId: to }),
    })
    expect(anonymous.status).toBe(401)
    expect((await move({ ...made, manageToken: 'wrong' }, to)).status).toBe(404)
    expect((await view(made)).status).toBe('confirmed')
  })
})
