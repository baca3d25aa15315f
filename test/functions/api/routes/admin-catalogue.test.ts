import { beforeAll, describe, expect, it } from 'vitest'
import { makeCourse } from '../../../support/factories.ts'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'

let call: AdminCall

beforeAll(async () => {
  ;({ call } = await createAdminTestApi())
})

describe('/api/admin partners and courses', () => {
  it('adds a partner and a course, refuses a course of an unknown partner and edits the course', async () => {
    expect(
      (await call('/partners', { method: 'POST', json: { id: 'new-partner', name: 'New Partner' } })).status,
    ).toBe(201)
    const course = makeCourse({ id: 'new-course', partnerId: 'new-partner', title: 'New course' })
    expect((await call('/courses', { method: 'POST', json: course })).status).toBe(201)
    expect((await call('/courses', { method: 'POST', json: course })).status).toBe(409)
    expect(
      (await call('/courses', { method: 'POST', json: { ...course, id: 'c2', partnerId: 'nope' } })).status,
    ).toBe(400)

    const edited = await call('/courses/new-course', { method: 'PUT', json: { ...course, cpdHours: 6 } })
    expect((await edited.json()).cpdHours).toBe(6)
    const listed = await (await call('/courses')).json()
    expect(listed.items.find((c: { id: string }) => c.id === 'new-course').cpdHours).toBe(6)
  })

  it('answers 404 problem+json to a change of a partner that does not exist, and adds none', async () => {
    const res = await call('/partners/no-such-partner', {
      method: 'PUT',
      json: { id: 'no-such-partner', name: 'Nobody' },
    })

    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ code: 'partner-not-found' })
    const partners = await (await call('/partners')).json()
    expect(partners.items.map((p: { id: string }) => p.id)).not.toContain('no-such-partner')
  })

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['http:', 'http://www.example.org'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials', 'https://user:secret@example.org'],
  ])('refuses a partner website with %s, naming website, and stores nothing', async (_kind, website) => {
    const id = `bad-site-${_kind.replace(/\W/g, '')}`
    const res = await call('/partners', { method: 'POST', json: { id, name: 'Bad site', website } })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await res.json()).errors).toEqual([
      { field: 'website', message: expect.stringContaining('https://') },
    ])
    const partners = await (await call('/partners')).json()
    expect(partners.items.map((p: { id: string }) => p.id)).not.toContain(id)
  })

  it('keeps a partner website that starts https://', async () => {
    const res = await call('/partners', {
      method: 'POST',
      json: { id: 'good-site', name: 'Good site', website: 'https://www.example.org/about' },
    })
    expect(res.status).toBe(201)
    expect((await res.json()).website).toBe('https://www.example.org/about')
  })
})
