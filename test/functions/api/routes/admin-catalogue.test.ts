import { beforeAll, describe, expect, it } from 'vitest'
import { staffToken } from '../../../support/staff.ts'
import { createTestApi, makeCourse, makePartner, type TestApi } from '../support.ts'

let api: TestApi
let admin: string

async function call(path: string, init: RequestInit & { json?: unknown; token?: string } = {}) {
  const { json, token = admin, ...rest } = init
  return api.app.request(`/api/admin${path}`, {
    ...rest,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...rest.headers,
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  })
}

beforeAll(async () => {
  api = await createTestApi()
  await api.catalogue.putPartner(makePartner())
  await api.catalogue.putCourse(makeCourse())
  admin = await staffToken('admin')
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
})
