import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { asStaff } from '../../../support/staff.ts'
import { createTestApi, type TestApi } from '../support.ts'

let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
})

function invite(body: Record<string, unknown>) {
  return asStaff('admin', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }).then((init) => api.app.request('/api/admin/staff', init))
}

function newcomer(overrides: Record<string, unknown> = {}) {
  const username = `new-${randomUUID().slice(0, 8)}`
  return {
    username,
    name: 'Nadia Newcomer',
    email: `${username}@staff.example.org`,
    roles: ['trainer'],
    ...overrides,
  }
}

describe('POST /api/admin/staff', () => {
  it('invites a trainer and lists them in the directory, recording who invited them', async () => {
    const body = newcomer()
    const response = await invite(body)
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({
      ...body,
      sub: body.username,
      laCodes: [],
      invitedAt: api.deps.clock.now().toISOString(),
      invitedBy: 'admin',
    })
    const list = await api.app.request('/api/admin/staff', await asStaff('admin'))
    expect((await list.json()).items).toContainEqual(expect.objectContaining({ username: body.username }))
  })

  it('keeps an LA officer’s LAs, and drops LAs given to other roles', async () => {
    const officer = await (
      await invite(newcomer({ roles: ['la-officer'], laCodes: ['E08000035', 'E08000035'] }))
    ).json()
    expect(officer.laCodes).toEqual(['E08000035'])
    const trainer = await (await invite(newcomer({ laCodes: ['E08000035'] }))).json()
    expect(trainer.laCodes).toEqual([])
  })

  it('answers 400 naming laCodes when an LA officer has no LA', async () => {
    const response = await invite(newcomer({ roles: ['la-officer'] }))
    expect(response.status).toBe(400)
    expect((await response.json()).errors).toEqual([{ field: 'laCodes', message: expect.any(String) }])
  })

  it('answers 400 naming laCodes for an LA code that is not an English LA', async () => {
    const response = await invite(newcomer({ roles: ['la-officer'], laCodes: ['E06999999'] }))
    expect(response.status).toBe(400)
    expect((await response.json()).errors).toEqual([
      { field: 'laCodes', message: expect.stringContaining('E06999999') },
    ])
  })

  it('answers 409 when the username is taken, leaving the first member as they were', async () => {
    const body = newcomer()
    await invite(body)
    const response = await invite({ ...body, name: 'Someone Else', roles: ['admin'] })
    expect(response.status).toBe(409)
    const list = await (await api.app.request('/api/admin/staff', await asStaff('admin'))).json()
    expect(list.items.filter((member: { username: string }) => member.username === body.username)).toEqual([
      expect.objectContaining({ name: 'Nadia Newcomer', roles: ['trainer'] }),
    ])
  })

  it('answers 403 to a trainer', async () => {
    const response = await api.app.request(
      '/api/admin/staff',
      await asStaff('trainer-amira', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(newcomer()),
      }),
    )
    expect(response.status).toBe(403)
  })
})

describe('GET /api/admin/staff', () => {
  async function list(query: string) {
    return api.app.request(`/api/admin/staff${query}`, await asStaff('admin'))
  }

  it('pages through the whole directory by username, each member once', async () => {
    for (let i = 0; i < 3; i++) await invite(newcomer())
    const everyone = (await (await list('')).json()).items.map(
      (member: { username: string }) => member.username,
    )
    const paged: string[] = []
    let cursor = ''
    for (let pages = 0; pages < 100; pages++) {
      const page = await (await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json()
      expect(page.items.length).toBeLessThanOrEqual(2)
      paged.push(...page.items.map((member: { username: string }) => member.username))
      if (!page.next) break
      cursor = page.next
    }
    expect(paged).toEqual(everyone)
    expect(paged).toEqual([...paged].sort())
    expect(new Set(paged).size).toBe(paged.length)
  })

  it('answers 422 naming limit for a page larger than 100, and 400 naming cursor for one it did not make', async () => {
    const tooLarge = await list('?limit=101')
    expect(tooLarge.status).toBe(422)
    expect((await tooLarge.json()).errors).toEqual([{ field: 'limit', message: expect.any(String) }])
    const forged = await list('?cursor=not*a*cursor')
    expect(forged.status).toBe(400)
    expect((await forged.json()).errors).toEqual([{ field: 'cursor', message: expect.any(String) }])
  })
})
