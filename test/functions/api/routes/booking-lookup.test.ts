import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { DAY, makeCourse, makeSession, NOW } from '../../../support/factories.ts'
import { book, booked, createTestApi, type TestApi } from '../support.ts'

describe('POST /api/bookings/lookup', () => {
  let api: TestApi
  let sessionId: string

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
    sessionId = `s-${randomUUID()}`
    await storeSessions(
      api.table,
      makeSession({ id: sessionId, startsAt: new Date(NOW.getTime() + 7 * DAY) }),
    )
  })

  const lookup = (body: unknown) =>
    api.app.request('/api/bookings/lookup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('answers 202 with the same body for a known and an unknown address', async () => {
    const email = `${randomUUID()}@example.org`
    expect((await book(api.app, sessionId, { email })).status).toBe(202)
    const known = await lookup({ email: email.toUpperCase() })
    const unknown = await lookup({ email: `${randomUUID()}@example.org` })
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    const [a, b] = [await known.json(), await unknown.json()]
    expect(a).toEqual(b)
    expect(a).toEqual({
      message: 'If this email address has any upcoming bookings, we have sent it a list of them.',
    })
  })

  it('queues one bookings-list email for a known address, however often it is asked for', async () => {
    const email = `${randomUUID()}@example.org`
    const made = await booked(api, sessionId, { email })
    const queued = api.deps.outbox.enqueue
    const ids: string[] = []
    api.deps.outbox.enqueue = async (message) => {
      const fresh = await queued(message)
      if (fresh) ids.push(message.id)
      expect(message).toMatchObject({ kind: 'bookings-list', bookingId: made.id })
      return fresh
    }
    try {
      for (let i = 0; i < 3; i++) expect((await lookup({ email })).status).toBe(202)
    } finally {
      api.deps.outbox.enqueue = queued
    }
    expect(ids).toHaveLength(1)
  })

  it.each([
    ['no email', {}],
    ['a malformed email', { email: 'not-an-email' }],
  ])('answers 400 naming the email field for %s', async (_case, body) => {
    const res = await lookup(body)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await res.json()).errors).toEqual([{ field: 'email', message: expect.any(String) }])
  })
})
