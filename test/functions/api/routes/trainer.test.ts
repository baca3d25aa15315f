import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { DAY, HOUR, MINUTE, makeCourse, makeSession, NOW, partAt } from '../../../support/factories.ts'
import { staffToken } from '../../../support/staff.ts'
import { booked, createTestApi, type TestApi, withToken } from '../support.ts'

const FIRST = new Date(NOW.getTime() + 2 * DAY)
const SECOND = new Date(FIRST.getTime() + 7 * DAY)
const ENDS = new Date(SECOND.getTime() + 90 * MINUTE)

describe('trainer register API', () => {
  let api: TestApi
  let amira: string
  let ben: string
  let admin: string
  const people: { id: string; token: string }[] = []
  let waitingId: string
  let lateId: string

  async function send(token: string, path: string, body?: unknown) {
    return api.app.request(
      path,
      withToken(token, {
        method: body === undefined ? 'GET' : 'POST',
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      }),
    )
  }
  const register = (part = 0) => `/api/trainer/sessions/two-part/parts/${part}/register`
  const change = (token: string, changes: unknown[], part = 0) =>
    send(token, `${register(part)}/changes`, { changes })

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse({ id: 'slcn-level-3', completion: { kind: 'all-parts' } }))
    await storeSessions(
      api.table,
      makeSession({
        id: 'two-part',
        courseId: 'slcn-level-3',
        capacity: 3,
        parts: [partAt(FIRST), partAt(SECOND)],
        trainerIds: ['trainer-amira'],
      }),
    )
    for (const [n, email] of [
      'ada@example.org',
      'mary@example.org',
      'emmy@example.org',
      'late@example.org',
    ].entries()) {
      const body = await booked(api, 'two-part', {
        email,
        name: `Person ${'ABCDEFGH'[n]}`,
        accessNeeds: n === 0 ? 'Step-free access' : undefined,
        ofstedUrn: n === 0 ? '123456' : undefined,
      })
      people.push({ id: body.id, token: body.manageToken })
      if (body.status === 'waitlisted') waitingId = body.id
    }
    // Cancelled after bookings closed: a late cancellation; the place is offered to the one waiting.
    api.deps.clock.set(new Date(FIRST.getTime() - 30 * MINUTE))
    const late = people[2]
    if (!late) throw new Error('no booking')
    lateId = late.id
    expect(
      (await api.app.request(`/api/bookings/${late.id}`, withToken(late.token, { method: 'DELETE' }))).status,
    ).toBe(200)
    api.deps.clock.set(NOW)
    ;[amira, ben, admin] = await Promise.all([
      staffToken('trainer-amira'),
      staffToken('trainer-ben'),
      staffToken('admin'),
    ])
  })

  it('lists the session among the assigned trainer’s upcoming sessions only', async () => {
    const mine = await (await send(amira, '/api/trainer/sessions')).json()
    expect(mine.upcoming.map((s: { id: string }) => s.id)).toEqual(['two-part'])
    expect(mine.upcoming[0].parts).toHaveLength(2)
    const theirs = await (await send(ben, '/api/trainer/sessions')).json()
    expect(theirs).toEqual({ upcoming: [], past: [] })
  })

  it('lists only sessions starting in the range asked for, and answers 422 naming to beyond 800 days', async () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
    const around = `?from=${day(FIRST.getTime() - 86_400_000)}&to=${day(FIRST.getTime() + 86_400_000)}`
    expect((await (await send(amira, `/api/trainer/sessions${around}`)).json()).upcoming).toHaveLength(1)
    const after = `?from=${day(FIRST.getTime() + 86_400_000)}&to=${day(FIRST.getTime() + 30 * 86_400_000)}`
    expect(await (await send(amira, `/api/trainer/sessions${after}`)).json()).toEqual({
      upcoming: [],
      past: [],
    })
    const reversed = await send(
      amira,
      `/api/trainer/sessions?from=${day(FIRST.getTime() + 86_400_000)}&to=2020-01-01`,
    )
    expect(await reversed.json()).toEqual({ upcoming: [], past: [] })
    const tooLong = await send(amira, '/api/trainer/sessions?from=2026-01-01&to=2028-03-12')
    expect(tooLong.status).toBe(422)
    expect((await tooLong.json()).errors).toEqual([{ field: 'to', message: expect.any(String) }])
  })

  it('answers 401 without a token, 403 to a trainer not assigned, 404 for an unknown session', async () => {
    expect((await api.app.request(register())).status).toBe(401)
    expect((await send(ben, register())).status).toBe(403)
    expect((await send(amira, '/api/trainer/sessions/nope/parts/0/register')).status).toBe(404)
    expect((await send(amira, register(2))).status).toBe(404)
  })

  it('shows everyone booked with role, setting, URN and access needs, the waiting list, and late cancellations apart', async () => {
    const res = await send(amira, register())
    expect(res.status).toBe(200)
    const view = await res.json()
    expect(view.booked.map((p: { bookingId: string }) => p.bookingId).sort()).toEqual(
      [people[0]?.id, people[1]?.id].sort(),
    )
    expect(view.booked.find((p: { bookingId: string }) => p.bookingId === people[0]?.id)).toMatchObject({
      name: 'Person A',
      role: 'childminder',
      settingName: 'Little Acorns',
      ofstedUrn: '123456',
      accessNeeds: 'Step-free access',
    })
    expect(JSON.stringify(view)).not.toContain('@example.org')
    expect(
      view.lateCancelled.map((p: { bookingId: string; status: string }) => [p.bookingId, p.status]),
    ).toEqual([[lateId, 'late-cancelled']])
    // The place freed a day before the start is offered to the first waiting, not given outright.
    expect(waitingId).toBe(people[3]?.id)
    expect(view.waiting.map((p: { bookingId: string; status: string }) => [p.bookingId, p.status])).toEqual([
      [waitingId, 'offered'],
    ])
    expect(view.locked).toBe(false)
  })

  it('records marks with who and when, and applies a replayed change once', async () => {
    const ada = people[0]?.id
    const marks = [
      { kind: 'mark', key: 'k-ada-1', subject: ada, mark: 'late' },
      { kind: 'note', key: 'k-ada-note', subject: ada, note: 'Arrived 16:20, train delay' },
    ]
    const first = await (await change(amira, marks)).json()
    const replay = await change(amira, marks)
    expect(replay.status).toBe(200)
    const view = await replay.json()
    expect(view.audit).toHaveLength(first.audit.length)
    expect(view.booked.find((p: { bookingId: string }) => p.bookingId === ada)).toMatchObject({
      mark: 'late',
      note: 'Arrived 16:20, train delay',
    })
    expect(view.audit[0]).toMatchObject({
      by: 'trainer-amira',
      at: NOW.toISOString(),
      action: 'mark',
      subject: ada,
    })
  })

  it('keeps every mark when several devices send at once (no lost update)', async () => {
    const walkIns = Array.from({ length: 6 }, (_, n) => ({
      kind: 'walk-in',
      key: `race-walk-${n}`,
      walkIn: { id: `race-${n}`, name: `Racer ${n}` },
    }))
    const answers = await Promise.all(walkIns.map((walkIn) => change(amira, [walkIn], 1)))
    expect(answers.map((res) => res.status)).toEqual(walkIns.map(() => 200))
    const view = await (await send(amira, register(1))).json()
    expect(view.walkIns.map((w: { id: string }) => w.id).sort()).toEqual(
      walkIns.map((w) => w.walkIn.id).sort(),
    )
  })

  it('adds a walk-in outside capacity and marks them', async () => {
    const before = await api.deps.bookings.getSession('two-part')
    const view = await (
      await change(amira, [
        {
          kind: 'walk-in',
          key: 'walk-1',
          walkIn: { id: 'walkin-grace', name: 'Grace Hopper', role: 'senco' },
        },
        { kind: 'mark', key: 'walk-1-mark', subject: 'walkin-grace', mark: 'present' },
      ])
    ).json()
    expect(view.walkIns).toEqual([
      { id: 'walkin-grace', name: 'Grace Hopper', role: 'senco', mark: 'present' },
    ])
    expect((await api.deps.bookings.getSession('two-part'))?.heldCount).toBe(before?.heldCount)
  })

  it('answers 400 naming the change when the person is not on the register (waiting or cancelled)', async () => {
    const res = await change(amira, [{ kind: 'mark', key: 'k-late', subject: lateId, mark: 'absent' }])
    expect(res.status).toBe(400)
    expect((await res.json()).errors).toEqual([{ field: 'changes.0.subject', message: expect.any(String) }])
  })

  it('lets a participant check in with the code, refuses wrong and expired codes by field, and the trainer confirms', async () => {
    const mary = people[1]
    if (!mary) throw new Error('no booking')
    const { code } = await (await send(amira, `${register(1)}/code`, {})).json()
    expect(code).toMatch(/^\d{6}$/)
    const checkIn = (value: string) =>
      api.app.request(
        `/api/bookings/${mary.id}/check-in`,
        withToken(mary.token, {
          method: 'POST',
          body: JSON.stringify({ code: value }),
          headers: { 'Content-Type': 'application/json' },
        }),
      )
    const wrong = await checkIn(code === '000000' ? '111111' : '000000')
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).errors).toEqual([
      { field: 'code', message: expect.stringContaining('not right') },
    ])
    expect((await checkIn(`${code.slice(0, 3)} ${code.slice(3)}`)).status).toBe(200)
    const view = await (await send(amira, register(1))).json()
    expect(view.booked.find((p: { bookingId: string }) => p.bookingId === mary.id).checkIn).toEqual({
      at: NOW.toISOString(),
      confirmed: false,
    })
    const confirmed = await (
      await change(amira, [{ kind: 'confirm-check-in', key: 'c-mary', subject: mary.id }], 1)
    ).json()
    expect(confirmed.booked.find((p: { bookingId: string }) => p.bookingId === mary.id)).toMatchObject({
      mark: 'present',
      checkIn: { confirmed: true },
    })
    api.deps.clock.advance(16 * MINUTE)
    try {
      const expired = await checkIn(code)
      expect(expired.status).toBe(400)
      expect((await expired.json()).errors[0].message).toContain('expired')
    } finally {
      api.deps.clock.set(NOW)
    }
  })

  it('shows the participant their attendance per part and completion on their booking', async () => {
    const ada = people[0]
    if (!ada) throw new Error('no booking')
    await change(amira, [{ kind: 'mark', key: 'ada-part-2', subject: ada.id, mark: 'present' }], 1)
    const res = await api.app.request(`/api/bookings/${ada.id}/attendance`, withToken(ada.token))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      parts: [
        { part: 0, mark: 'late', checkedIn: false },
        { part: 1, mark: 'present', checkedIn: false },
      ],
      completion: 'complete',
    })
    expect((await api.app.request(`/api/bookings/${ada.id}/attendance`, withToken('wrong'))).status).toBe(404)
  })

  it('makes the booking attended once complete, and confirmed again when a mark is cleared', async () => {
    const ada = people[0]
    if (!ada) throw new Error('no booking')
    const statusOf = async () =>
      (await (await api.app.request(`/api/bookings/${ada.id}`, withToken(ada.token))).json()).status
    const before = await api.deps.bookings.getSession('two-part')
    expect(await statusOf()).toBe('attended')
    const cleared = await (
      await change(amira, [{ kind: 'clear-mark', key: 'ada-part-2-clear', subject: ada.id }], 1)
    ).json()
    expect(cleared.booked.find((p: { bookingId: string }) => p.bookingId === ada.id).status).toBe('confirmed')
    expect(await statusOf()).toBe('confirmed')
    await change(amira, [{ kind: 'mark', key: 'ada-part-2-again', subject: ada.id, mark: 'present' }], 1)
    expect(await statusOf()).toBe('attended')
    const after = await api.deps.bookings.getSession('two-part')
    expect([after?.heldCount, after?.waitingCount]).toEqual([before?.heldCount, before?.waitingCount])
  })

  it('matches a Zoom participant report to bookings by email for review, saving nothing', async () => {
    const report = readFileSync(
      new URL('../../../domain/fixtures/zoom-participants.csv', import.meta.url),
      'utf8',
    )
    const res = await send(amira, `${register(0)}/participant-report`, { report })
    expect(res.status).toBe(200)
    const matching = await res.json()
    expect(matching.matches.map((m: { bookingId: string }) => m.bookingId).sort()).toEqual(
      [people[0]?.id, people[1]?.id].sort(),
    )
    expect(matching.unmatched.map((row: { name: string }) => row.name)).toEqual(['Amira Trainer', 'iPhone'])
    expect(matching.missing).toEqual([])
  })

  it('writes an audit entry for each opening of a register and each participant report, none when refused', async () => {
    const entries = async () =>
      (await api.deps.accessAudit.list({ period: { from: '2026-01-01', to: '2027-12-31' }, limit: 50 }))
        .entries
    const before = (await entries()).length
    expect((await send(ben, register(1))).status).toBe(403)
    expect((await send(amira, register(1))).status).toBe(200)
    expect((await send(amira, `${register(1)}/participant-report`, { report: 'Name,Email\n' })).status).toBe(
      200,
    )
    const added = (await entries()).slice(0, (await entries()).length - before)
    expect(added.map((entry) => entry.action).sort()).toEqual(['participant-report', 'register-view'])
    for (const entry of added) {
      expect(entry).toMatchObject({
        staff: { sub: 'trainer-amira' },
        session: { id: 'two-part', part: 1 },
        rows: 4,
      })
      expect(entry.laCode).toBeUndefined()
    }
  })

  it('locks 14 days after the end with 409 register-locked until an administrator reopens it', async () => {
    api.deps.clock.set(new Date(ENDS.getTime() + 14 * DAY + HOUR))
    try {
      const locked = await change(amira, [
        { kind: 'mark', key: 'after-lock', subject: people[1]?.id, mark: 'absent' },
      ])
      expect(locked.status).toBe(409)
      expect((await locked.json()).code).toBe('register-locked')
      expect((await send(amira, '/api/admin/sessions/two-part/register/reopen', {})).status).toBe(403)
      const reopened = await send(admin, '/api/admin/sessions/two-part/register/reopen', {})
      expect(reopened.status).toBe(200)
      const after = await change(amira, [
        { kind: 'mark', key: 'after-lock', subject: people[1]?.id, mark: 'absent' },
      ])
      expect(after.status).toBe(200)
      expect((await after.json()).audit.at(-1)).toMatchObject({ action: 'mark', value: 'absent' })
      const past = await (await send(amira, '/api/trainer/sessions')).json()
      expect(past.past.map((s: { id: string }) => s.id)).toEqual(['two-part'])
    } finally {
      api.deps.clock.set(NOW)
    }
  })
})
