import { bookSession, CODE_ATTEMPT_POLICY } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedBookings, storeSessions } from '../../../support/dynamo.ts'
import { DAY, MINUTE, makeCourse, makePerson, makeSession, NOW, partAt } from '../../../support/factories.ts'
import { staffToken } from '../../../support/staff.ts'
import { createTestApi, newKey, type TestApi, withToken } from '../support.ts'

const STARTS = new Date(NOW.getTime() + 2 * DAY)

describe('POST /api/bookings/{id}/check-in: the lock on wrong attendance codes', () => {
  let api: TestApi
  let amira: string
  const people: Record<string, { id: string; token: string }> = {}

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
    await storeSessions(
      api.table,
      makeSession({ id: 'online', capacity: 10, parts: [partAt(STARTS)], trainerIds: ['trainer-amira'] }),
    )
    amira = await staffToken('trainer-amira')
    for (const name of ['ada', 'bea', 'cai', 'dee']) people[name] = await booking(`${name}@example.org`)
  })

  const person = (name: string) => {
    const found = people[name]
    if (!found) throw new Error(`no booking for ${name}`)
    return found
  }

  /** A booking of the online session, and its manage token. */
  async function booking(email: string): Promise<{ id: string; token: string }> {
    const made = await bookSession(api.deps, {
      sessionId: 'online',
      idempotencyKey: newKey(),
      person: makePerson({ email }),
    })
    return { id: made.booking.id, token: made.manageToken }
  }

  async function showCode(): Promise<string> {
    const res = await api.app.request(
      '/api/trainer/sessions/online/parts/0/register/code',
      withToken(amira, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
    )
    expect(res.status).toBe(200)
    return (await res.json()).code
  }

  const checkIn = (who: { id: string; token: string }, code: string) =>
    api.app.request(
      `/api/bookings/${who.id}/check-in`,
      withToken(who.token, {
        method: 'POST',
        body: JSON.stringify({ code }),
        headers: { 'Content-Type': 'application/json' },
      }),
    )

  const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000')

  it('locks after 5 wrong codes with 429 and Retry-After, refuses the right code until the lock ends, then takes it', async () => {
    api.deps.clock.set(new Date(STARTS.getTime() - 5 * MINUTE))
    try {
      const ada = person('ada')
      const code = await showCode()
      for (let miss = 1; miss < CODE_ATTEMPT_POLICY.maxMisses; miss++) {
        const wrong = await checkIn(ada, wrongFor(code))
        expect(wrong.status).toBe(400)
        expect((await wrong.json()).errors).toEqual([
          { field: 'code', message: expect.stringContaining('not right') },
        ])
      }
      const locking = await checkIn(ada, wrongFor(code))
      expect(locking.status).toBe(429)
      expect(locking.headers.get('content-type')).toBe('application/problem+json')
      expect(locking.headers.get('retry-after')).toBe(String(CODE_ATTEMPT_POLICY.lockMinutes * 60))
      expect(await locking.json()).toMatchObject({ status: 429, code: 'too-many-attempts' })

      api.deps.clock.advance(10 * MINUTE)
      const right = await checkIn(ada, code)
      expect(right.status).toBe(429)
      expect(right.headers.get('retry-after')).toBe(String(5 * 60))

      // The count is an item beside the booking, with a TTL, so it holds across API instances.
      const { Item } = await api.table.doc.send(
        new GetCommand({
          TableName: api.table.tableName,
          Key: keys.codeAttempts(ada.id),
          ConsistentRead: true,
        }),
      )
      expect(Item).toMatchObject({ misses: CODE_ATTEMPT_POLICY.maxMisses, expiresAt: expect.any(Number) })

      api.deps.clock.advance(5 * MINUTE)
      const fresh = await showCode()
      expect((await checkIn(ada, fresh)).status).toBe(200)
    } finally {
      api.deps.clock.set(NOW)
    }
  })

  it('counts per booking: another booking still checks in while one is locked', async () => {
    api.deps.clock.set(new Date(STARTS.getTime() - 5 * MINUTE))
    try {
      const [bea, cai] = [person('bea'), person('cai')]
      const code = await showCode()
      for (let miss = 0; miss < CODE_ATTEMPT_POLICY.maxMisses; miss++) await checkIn(bea, wrongFor(code))
      expect((await checkIn(bea, code)).status).toBe(429)
      expect((await checkIn(cai, code)).status).toBe(200)
    } finally {
      api.deps.clock.set(NOW)
    }
  })

  it('starts counting afresh once the window has passed without reaching the limit', async () => {
    api.deps.clock.set(new Date(STARTS.getTime() - 40 * MINUTE))
    try {
      const dee = person('dee')
      let code = await showCode()
      for (let miss = 1; miss < CODE_ATTEMPT_POLICY.maxMisses; miss++) {
        expect((await checkIn(dee, wrongFor(code))).status).toBe(400)
      }
      api.deps.clock.advance(CODE_ATTEMPT_POLICY.windowMinutes * MINUTE)
      code = await showCode()
      expect((await checkIn(dee, wrongFor(code))).status).toBe(400)
      expect((await checkIn(dee, code)).status).toBe(200)
    } finally {
      api.deps.clock.set(NOW)
    }
  })
})

describe('POST /api/bookings/{id}/check-in: a room typing the code at once', () => {
  it('checks in 30 people at once on one part, and one of them tapping twice, each once', async () => {
    const api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
    const session = makeSession({
      id: 'room',
      capacity: 40,
      parts: [partAt(STARTS)],
      trainerIds: ['trainer-amira'],
    })
    await storeSessions(api.table, session)
    const amira = await staffToken('trainer-amira')
    const room = await seedBookings(api.table, session, 30, api.deps.tokens)
    api.deps.clock.set(new Date(STARTS.getTime() - 5 * MINUTE))
    const shown = await api.app.request(
      '/api/trainer/sessions/room/parts/0/register/code',
      withToken(amira, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
    )
    const { code } = await shown.json()
    const checkIn = (who: { id: string; token: string }) =>
      api.app.request(
        `/api/bookings/${who.id}/check-in`,
        withToken(who.token, {
          method: 'POST',
          body: JSON.stringify({ code }),
          headers: { 'Content-Type': 'application/json' },
        }),
      )
    const first = room[0] as { id: string; token: string }
    const answers = await Promise.all([...room.map(checkIn), checkIn(first)])
    expect(answers.map((res) => res.status)).toEqual(answers.map(() => 200))

    const view = await (
      await api.app.request('/api/trainer/sessions/room/parts/0/register', withToken(amira))
    ).json()
    expect(
      view.booked
        .filter((p: { checkIn?: unknown }) => p.checkIn)
        .map((p: { bookingId: string }) => p.bookingId)
        .sort(),
    ).toEqual(room.map((p) => p.id).sort())
    expect(view.audit.filter((e: { action: string }) => e.action === 'check-in')).toHaveLength(30)
  })
})
