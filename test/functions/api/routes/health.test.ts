import { describe, expect, it } from 'vitest'
import { createTestApi } from '../support.ts'

describe('GET /api/health', () => {
  it('answers ok', async () => {
    const { app } = await createTestApi()
    const res = await app.request('/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers an unknown path with a 404 problem', async () => {
    const { app } = await createTestApi()
    const res = await app.request('/api/nothing-here')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ code: 'not-found', status: 404, instance: '/api/nothing-here' })
  })
})
