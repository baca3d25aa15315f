import { randomUUID } from 'node:crypto'
import type { Session } from '@ey/domain'
import { ScanCommand } from '@ey/dynamodb/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import {
  HOUR,
  LEEDS,
  MINUTE,
  makeCourse,
  makePerson,
  makeSession,
  NOW,
  WESTMINSTER,
} from '../../../support/factories.ts'
import { book, booked, createTestApi, newKey, type TestApi } from '../support.ts'

describe('POST /api/sessions/{id}/bookings', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
  })

  /** A session of its own for each test, so tests cannot see each other's bookings. */
  async function session(overrides: Partial<Session> & { startsAt?: Date | string } = {}): Promise<string> {
    const id = `s-${randomUUID()}`
    await storeSessions(api.table, makeSession({ id, ...overrides }))
    return id
  }

  async function placesTaken(sessionId: string): Promise<number> {
    const stored = await api.deps.bookings.getSession(sessionId)
    return (stored?.heldCount ?? 0) + (stored?.waitingCount ?? 0)
  }

  async function expectProblem(res: Response, status: number, code: string) {
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const problem = await res.json()
    expect(problem).toMatchObject({
      type: `https://problems.early-years-send.example/${code}`,
      status,
      code,
      title: expect.any(String),
      detail: expect.any(String),
      instance: expect.stringMatching(/^\/api\//),
      errors: expect.any(Array),
    })
    return problem as { errors: { field: string; message: string }[] }
  }

  /** The outbox messages of a kind about a booking, read from the table. */
  async function emailsAbout(bookingId: string): Promise<string[]> {
    const { Items = [] } = await api.table.doc.send(
      new ScanCommand({
        TableName: api.table.tableName,
        FilterExpression: '#type = :outbox AND bookingId = :id',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':outbox': 'outbox', ':id': bookingId },
      }),
    )
    return Items.map((item) => String(item.kind)).sort()
  }

  it('answers 202 with the session and the address, and no token, reference or location', async () => {
    const id = await session()
    const res = await book(api.app, id, { email: 'Ada.Lovelace@Example.org' })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ sessionId: id, emailedTo: 'Ada.Lovelace@Example.org' })
    expect(res.headers.get('location')).toBeNull()
    expect(res.headers.get('idempotent-replayed')).toBeNull()
    const view = await (await api.app.request(`/api/sessions/${id}`)).json()
    expect(view.placesLeft).toBe(9)
  })

  it('confirms a place, then puts each next person on the waiting list with their position', async () => {
    const id = await session({ capacity: 1 })
    const statuses = []
    for (const n of [1, 2, 3]) {
      const { status, waitlistPosition } = await booked(api, id, { email: `person.${n}@example.org` })
      statuses.push({ status, waitlistPosition })
    }
    expect(statuses).toEqual([
      { status: 'confirmed', waitlistPosition: undefined },
      { status: 'waitlisted', waitlistPosition: 1 },
      { status: 'waitlisted', waitlistPosition: 2 },
    ])
  })

  it('answers a repeated request exactly as the first, with one booking', async () => {
    const id = await session()
    const key = newKey()
    const first = await book(api.app, id, {}, key)
    const again = await book(api.app, id, {}, key)
    expect(again.status).toBe(202)
    expect(again.headers.get('idempotent-replayed')).toBeNull()
    expect(await again.json()).toEqual(await first.json())
    expect(await placesTaken(id)).toBe(1)
  })

  it('makes one booking from simultaneous requests with the same key', async () => {
    const id = await session()
    const key = newKey()
    const responses = await Promise.all(Array.from({ length: 5 }, () => book(api.app, id, {}, key)))
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202, 202, 202])
    expect(await placesTaken(id)).toBe(1)
  })

  it('answers 422 when the same key comes with different details', async () => {
    const id = await session()
    const key = newKey()
    await book(api.app, id, {}, key)
    await expectProblem(await book(api.app, id, { name: 'Someone Else' }, key), 422, 'idempotency-key-reused')
    expect(await placesTaken(id)).toBe(1)
  })

  it.each([
    ['a place', 10],
    ['a waiting-list turn', 1],
  ])(
    'answers a second booking by an address holding %s exactly as a new one, makes none, and emails its link',
    async (_held, capacity) => {
      const id = await session({ capacity })
      if (capacity === 1) await booked(api, id, { email: 'first@example.org' })
      const first = await booked(api, id, { email: 'ada@example.org' })
      const stranger = await book(api.app, id, { email: 'ADA@Example.org', name: 'Someone Else' })
      const fresh = await book(api.app, id, { email: 'new.person@example.org' })

      expect(stranger.status).toBe(fresh.status)
      expect(Object.keys(await stranger.json())).toEqual(Object.keys(await fresh.json()))
      expect([...stranger.headers.keys()].sort()).toEqual([...fresh.headers.keys()].sort())
      // Ada's booking and the new person's; with one place, also the first person's.
      expect(await placesTaken(id)).toBe(capacity === 1 ? 3 : 2)
      expect(await emailsAbout(first.id)).toEqual(
        [capacity === 1 ? 'booking-waitlisted' : 'booking-confirmed', 'booking-exists'].sort(),
      )
    },
  )

  it('sends one booking-exists email however often the address books again within 10 minutes', async () => {
    const id = await session()
    const first = await booked(api, id, { email: 'grace@example.org' })
    for (let n = 0; n < 3; n++) {
      expect((await book(api.app, id, { email: 'grace@example.org' })).status).toBe(202)
    }
    expect(await emailsAbout(first.id)).toEqual(['booking-confirmed', 'booking-exists'])
    api.deps.clock.advance(10 * MINUTE)
    try {
      expect((await book(api.app, id, { email: 'grace@example.org' })).status).toBe(202)
      expect(await emailsAbout(first.id)).toEqual(['booking-confirmed', 'booking-exists', 'booking-exists'])
    } finally {
      api.deps.clock.set(NOW)
    }
    expect(await placesTaken(id)).toBe(1)
  })

  it.each([
    ['session-cancelled', { status: 'cancelled' as const }],
    ['booking-closed', { startsAt: new Date(NOW.getTime() + 30 * MINUTE) }],
    ['session-started', { startsAt: new Date(NOW.getTime() - 10 * MINUTE) }],
    ['booking-not-open', { bookingOpensAt: new Date(NOW.getTime() + HOUR).toISOString() }],
  ])('answers 409 %s and books nothing', async (code, overrides) => {
    const id = await session(overrides)
    await expectProblem(await book(api.app, id), 409, code)
    expect(await placesTaken(id)).toBe(0)
  })

  it('answers 403 naming laCode for a bespoke session of another local authority', async () => {
    const id = await session({ bespokeLaCodes: [WESTMINSTER] })
    const problem = await expectProblem(await book(api.app, id, { laCode: LEEDS }), 403, 'bespoke-session')
    expect(problem.errors).toEqual([{ field: 'laCode', message: expect.any(String) }])
    expect(await placesTaken(id)).toBe(0)
    expect((await book(api.app, id, { laCode: WESTMINSTER })).status).toBe(202)
  })

  it.each(['unknown', 'draft'])('answers 404 for a %s session', async (kind) => {
    const id = kind === 'draft' ? await session({ status: 'draft' }) : 'no-such-session'
    await expectProblem(await book(api.app, id), 404, 'session-not-found')
  })

  it.each([
    ['name', { name: '' }],
    ['name', { name: 'x'.repeat(71) }],
    ['name', { name: 'Visit https://prize.example now' }],
    ['name', { name: 'Ada <b>Lovelace</b>' }],
    ['name', { name: '- Ada' }],
    ['email', { email: 'not-an-email' }],
    ['role', { role: 'chef' }],
    ['settingName', { settingName: '   ' }],
    ['settingType', { settingType: 'castle' }],
    ['laCode', { laCode: 'Leeds' }],
    ['laCode', { laCode: 'E08999999' }],
    ['shareWithLa', { shareWithLa: 'yes' }],
    ['accessNeeds', { accessNeeds: 'x'.repeat(1001) }],
    ['ofstedUrn', { ofstedUrn: '12345' }],
    ['ofstedUrn', { ofstedUrn: 'EY123456' }],
  ])('answers 400 naming %s when it is invalid, and books nothing', async (field, change) => {
    const id = await session()
    const key = newKey()
    const problem = await expectProblem(await book(api.app, id, change, key), 400, 'validation-failed')
    expect(problem.errors).toEqual([{ field, message: expect.any(String) }])
    expect(await placesTaken(id)).toBe(0)
    // The key was not used up: the corrected request books normally.
    expect((await book(api.app, id, {}, key)).status).toBe(202)
    expect(await placesTaken(id)).toBe(1)
  })

  it('names every missing field at once', async () => {
    const id = await session()
    const res = await api.app.request(`/api/sessions/${id}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
      body: JSON.stringify({ accessNeeds: 'Hearing loop' }),
    })
    const problem = await expectProblem(res, 400, 'validation-failed')
    expect(problem.errors.map((e) => e.field).sort()).toEqual(
      ['email', 'laCode', 'name', 'role', 'settingName', 'settingType', 'shareWithLa'].sort(),
    )
    expect(await placesTaken(id)).toBe(0)
  })

  it.each([
    ['missing', null],
    ['too short', 'abc'],
    ['with other characters', 'has spaces and !'],
    ['too long', 'k'.repeat(129)],
  ])('answers 400 naming Idempotency-Key when it is %s', async (_case, key) => {
    const id = await session()
    const problem = await expectProblem(await book(api.app, id, {}, key), 400, 'validation-failed')
    expect(problem.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }])
    expect(await placesTaken(id)).toBe(0)
  })

  it.each([
    ['text', 'text/plain', 'name=Ada', 415, 'unsupported-media-type'],
    // Bytes, not a string: fetch would label a string text/plain.
    [
      'no content type',
      undefined,
      new TextEncoder().encode(JSON.stringify(makePerson())),
      415,
      'unsupported-media-type',
    ],
    ['malformed JSON', 'application/json', '{"name": "Ada",', 400, 'malformed-request'],
    ['a JSON array', 'application/json', '[]', 400, 'validation-failed'],
  ])('answers problem+json for a body of %s and books nothing', async (_case, type, body, status, code) => {
    const id = await session()
    const res = await api.app.request(`/api/sessions/${id}/bookings`, {
      method: 'POST',
      headers: { 'Idempotency-Key': newKey(), ...(type ? { 'Content-Type': type } : {}) },
      body,
    })
    await expectProblem(res, status, code)
    expect(await placesTaken(id)).toBe(0)
  })

  it('answers 413 for a body over 16 KB and books nothing', async () => {
    const id = await session()
    const res = await book(api.app, id, { accessNeeds: 'x'.repeat(17 * 1024) })
    await expectProblem(res, 413, 'payload-too-large')
    expect(await placesTaken(id)).toBe(0)
  })
})
