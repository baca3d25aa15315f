import { QUERY_BOUNDS } from '@ey/domain'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { makeSessionInput } from '../../../support/factories.ts'
import { staffToken } from '../../../support/staff.ts'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'
import { book, type TestApi } from '../support.ts'

let api: TestApi
let call: AdminCall

const TWILIGHT = makeSessionInput({
  parts: [
    { date: '2026-03-17', startTime: '16:00', endTime: '17:30' },
    { date: '2026-03-24', startTime: '16:00', endTime: '17:30' },
  ],
  capacity: 1,
})

beforeAll(async () => {
  ;({ api, call } = await createAdminTestApi())
})

describe('/api/admin/sessions', () => {
  it('schedules a two-part twilight course from London dates and times and lists it with drafts', async () => {
    const created = await call('/sessions', { method: 'POST', json: TWILIGHT })
    expect(created.status).toBe(201)
    const session = await created.json()
    expect(session.parts).toEqual([
      { startsAt: '2026-03-17T16:00:00+00:00', endsAt: '2026-03-17T17:30:00+00:00' },
      { startsAt: '2026-03-24T16:00:00+00:00', endsAt: '2026-03-24T17:30:00+00:00' },
    ])
    const draft = await (
      await call('/sessions', { method: 'POST', json: { ...TWILIGHT, status: 'draft' } })
    ).json()

    const list = await (await call('/sessions')).json()
    expect(list.items.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([session.id, draft.id]),
    )
    expect((await api.app.request(`/api/sessions/${draft.id}`)).status).toBe(404)
  })

  it('answers 422 beyond-bounds naming `to` for a range over 450 days, reading nothing; 450 days work', async () => {
    const listSessions = vi.spyOn(api.deps.sessions, 'listSessions')
    try {
      const tooLong = await call('/sessions?from=2026-01-01&to=2027-03-28')
      expect(tooLong.status).toBe(422)
      expect(tooLong.headers.get('content-type')).toBe('application/problem+json')
      expect(await tooLong.json()).toMatchObject({ code: 'beyond-bounds', errors: [{ field: 'to' }] })
      expect((await call('/sessions?to=2100-01-01')).status).toBe(422)
      expect(listSessions).not.toHaveBeenCalled()

      const longest = await call(`/sessions?from=2026-01-01&to=2027-03-27`)
      expect(longest.status).toBe(200)
      expect(listSessions).toHaveBeenCalledOnce()
      expect(QUERY_BOUNDS.adminSessionDays).toBe(450)
    } finally {
      listSessions.mockRestore()
    }
  })

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['http:', 'http://meet.example.org/j/1'],
    ['data:', 'data:text/html,hello'],
  ])(
    'refuses a %s joining link with 400 naming joiningUrl, scheduling nothing',
    async (_scheme, joiningUrl) => {
      const before = (await (await call('/sessions')).json()).items.length
      const res = await call('/sessions', { method: 'POST', json: { ...TWILIGHT, joiningUrl } })
      expect(res.status).toBe(400)
      expect((await res.json()).errors).toEqual([
        { field: 'joiningUrl', message: 'Enter the joining link as a full web address, starting https://' },
      ])
      expect((await (await call('/sessions')).json()).items).toHaveLength(before)
    },
  )

  it('answers 400 naming each field, and 403 to a trainer', async () => {
    const bad = await call('/sessions', {
      method: 'POST',
      json: { ...TWILIGHT, parts: [{ date: '2026-03-17', startTime: '16:00', endTime: '15:00' }] },
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors).toEqual([{ field: 'parts.0.endTime', message: expect.any(String) }])

    const trainer = await call('/sessions', {
      method: 'POST',
      json: TWILIGHT,
      token: await staffToken('trainer-amira'),
    })
    expect(trainer.status).toBe(403)
  })

  it('refuses a capacity below the places held with 409, and raising it promotes the waiting list', async () => {
    const { id } = await (
      await call('/sessions', { method: 'POST', json: { ...TWILIGHT, capacity: 2 } })
    ).json()
    for (const email of ['a@example.org', 'b@example.org', 'waits@example.org'])
      await book(api.app, id, { email })

    const lower = await call(`/sessions/${id}/capacity`, { method: 'POST', json: { capacity: 1 } })
    expect(lower.status).toBe(409)
    expect(await lower.json()).toMatchObject({ code: 'capacity-below-held', errors: [{ field: 'capacity' }] })
    const edit = await call(`/sessions/${id}`, { method: 'PUT', json: { ...TWILIGHT, capacity: 1 } })
    expect(edit.status).toBe(409)

    const raised = await call(`/sessions/${id}/capacity`, { method: 'POST', json: { capacity: 3 } })
    expect(await raised.json()).toMatchObject({ capacity: 3, heldCount: 3, waitingCount: 0 })
  })

  it('publishes, unpublishes and cancels; a cancelled session answers 409 to edits', async () => {
    const { id } = await (
      await call('/sessions', { method: 'POST', json: { ...TWILIGHT, status: 'draft' } })
    ).json()
    expect((await (await call(`/sessions/${id}/publish`, { method: 'POST' })).json()).status).toBe(
      'published',
    )
    expect((await api.app.request(`/api/sessions/${id}`)).status).toBe(200)
    await book(api.app, id, { email: 'a@example.org' })

    const cancelled = await call(`/sessions/${id}/cancel`, { method: 'POST' })
    expect(await cancelled.json()).toMatchObject({
      session: { status: 'cancelled', heldCount: 0 },
      cancelled: 1,
    })
    expect((await (await call(`/sessions/${id}/cancel`, { method: 'POST' })).json()).cancelled).toBe(0)
    expect((await call(`/sessions/${id}`, { method: 'PUT', json: TWILIGHT })).status).toBe(409)
    expect((await call('/sessions/no-such-session')).status).toBe(404)
  })
})
