import { createApp, isHandedOver } from '@ey/api'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asStaff } from '../../support/staff.ts'
import { createTestApi } from './support.ts'

// `createTestApi` composes the app as the Lambda does (`createLambdaApp`), so every API test runs the
// staff routes through the hand-over to the whole app. These tests look at the hand-over itself.

const api = await createTestApi()
const whole = createApp(api.deps)

interface Operation {
  security?: Record<string, string[]>[]
}
const documentOf = async (app: typeof whole) =>
  (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>
  }

describe('the API as the Lambda composes it', () => {
  it('serves the whole OpenAPI document, the same as the whole app’s', async () => {
    const document = await documentOf(api.app)
    expect(document).toEqual(await documentOf(whole))
    expect(Object.keys(document.paths).length).toBeGreaterThan(40)
  })

  it('serves each documented operation at start or hands it over, never both; every staff one is handed over', async () => {
    const document = await documentOf(api.app)
    const atStart = new Set(
      api.app.openAPIRegistry.definitions.flatMap((definition) =>
        definition.type === 'route' ? [`${definition.route.method} ${definition.route.path}`] : [],
      ),
    )
    expect(atStart).toContain('post /api/sessions/{id}/bookings')
    let handedOver = 0
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const concrete = path.replace(/\{[^}]+\}/g, 'x1')
        expect(atStart.has(`${method} ${path}`), `${method} ${path}`).toBe(!isHandedOver(concrete))
        if (operation.security?.some((requirement) => 'staffBearer' in requirement)) {
          expect(isHandedOver(concrete), path).toBe(true)
        }
        if (isHandedOver(concrete)) handedOver++
      }
    }
    expect(handedOver).toBeGreaterThan(40)
  })

  it('answers any request without credentials as the whole app does: documented paths and others', async () => {
    const documented = Object.keys((await documentOf(whole)).paths)
    const segment = fc.constantFrom(
      'api',
      'admin',
      'la',
      'trainer',
      'staff',
      'auth',
      'courses',
      'bookings',
      'x',
      '',
    )
    const path = fc.oneof(
      fc
        .tuple(fc.constantFrom(...documented), fc.stringMatching(/^[a-z0-9-]{1,12}$/))
        .map(([template, value]) => template.replace(/\{[^}]+\}/g, value)),
      fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
    )
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), async (path, method) => {
        const [lambda, direct] = await Promise.all([
          api.app.request(path, { method }),
          whole.request(path, { method }),
        ])
        expect(lambda.status, `${method} ${path}`).toBe(direct.status)
        expect(await lambda.text()).toBe(await direct.text())
      }),
      { numRuns: 200 },
    )
  })

  it('logs a staff request once, with its route pattern', async () => {
    const before = api.deps.logger.lines.length
    const response = await api.app.request('/api/admin/partners', await asStaff('admin'))
    expect(response.status).toBe(200)
    const requests = api.deps.logger.lines.slice(before).filter((line) => line.args[0] === 'request')
    expect(requests).toHaveLength(1)
    expect(requests[0]?.args).toContainEqual(
      expect.objectContaining({ method: 'GET', route: '/api/admin/partners', status: 200 }),
    )
  })

  it('refuses a staff request’s oversized body as the public routes do', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(20 * 1024) })
    const response = await api.app.request(
      '/api/admin/partners',
      await asStaff('admin', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }),
    )
    expect(response.status).toBe(413)
  })
})
