import { beforeAll, describe, expect, it } from 'vitest'
import { makeCourse, makePartner } from '../../../support/factories.ts'
import { createTestApi, type TestApi } from '../support.ts'

describe('/api/courses', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putPartner(makePartner({ website: 'https://talking.example.org' }))
    await api.catalogue.putPartner(
      makePartner({ id: 'autism-alliance', name: 'Autism in the Early Years Alliance' }),
    )
    await api.catalogue.putCourse(makeCourse())
    await api.catalogue.putCourse(
      makeCourse({
        id: 'autism-awareness',
        partnerId: 'autism-alliance',
        title: 'Autism awareness',
        topics: ['autism'],
      }),
    )
  })

  it('lists every course with its partner’s name', async () => {
    const res = await api.app.request('/api/courses')
    expect(res.status).toBe(200)
    const { items } = await res.json()
    expect(items).toHaveLength(2)
    expect(items).toContainEqual({
      ...makeCourse(),
      partner: {
        id: 'talking-together',
        name: 'Talking Together Partnership',
        website: 'https://talking.example.org',
      },
    })
    expect(items).toContainEqual(
      expect.objectContaining({
        id: 'autism-awareness',
        partner: { id: 'autism-alliance', name: 'Autism in the Early Years Alliance' },
      }),
    )
  })

  it('answers one course with its partner', async () => {
    const res = await api.app.request('/api/courses/autism-awareness')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      id: 'autism-awareness',
      topics: ['autism'],
      partner: { id: 'autism-alliance' },
    })
  })

  it('answers 404 problem+json for an unknown course', async () => {
    const res = await api.app.request('/api/courses/knitting')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ code: 'course-not-found', instance: '/api/courses/knitting' })
  })
})
