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
})
