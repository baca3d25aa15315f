import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem, api, bearer, request } from '../../../site/src/scripts/lib/api.ts'
import { setStaffToken, staffApi } from '../../../site/src/scripts/staff-client.ts'

/** The requests the page made, and what the fake API answers next. */
function fakeFetch(answer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return answer()
  })
  return calls
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })

beforeEach(() => {
  const items = new Map<string, string>()
  vi.stubGlobal('sessionStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the site’s request core', () => {
  it('GETs the same-origin API for JSON, never with cookies or from the cache', async () => {
    const calls = fakeFetch(() => json({ items: [] }))
    expect(await api('/sessions?limit=20')).toEqual({ items: [] })
    expect(calls).toEqual([
      {
        url: '/api/sessions?limit=20',
        init: {
          method: 'GET',
          headers: { Accept: 'application/json' },
          credentials: 'omit',
          cache: 'no-store',
        },
      },
    ])
  })

  it('POSTs a JSON body as JSON, with the caller’s headers', async () => {
    const calls = fakeFetch(() => json({ id: 'bk_1' }, 201))
    await api('/sessions/s1/bookings', { json: { name: 'Ada' }, headers: { 'Idempotency-Key': 'k-1' } })
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': 'k-1' },
      body: '{"name":"Ada"}',
    })
  })

  it('sends a CSV body as CSV, with the method asked for', async () => {
    const calls = fakeFetch(() => json({ rows: [] }))
    await api('/admin/sessions/import/preview', { method: 'PUT', csv: 'a,b\n1,2' })
    expect(calls[0]?.init).toMatchObject({
      method: 'PUT',
      headers: { 'Content-Type': 'text/csv' },
      body: 'a,b\n1,2',
    })
  })

  it('asks for another media type and answers the response as it is', async () => {
    const calls = fakeFetch(
      () => new Response('BEGIN:VCALENDAR', { headers: { 'Content-Type': 'text/calendar' } }),
    )
    const response = await request('/bookings/b1/calendar', {
      headers: { ...bearer('t'), Accept: 'text/calendar' },
    })
    expect(await response.text()).toBe('BEGIN:VCALENDAR')
    expect(calls[0]?.init.headers).toEqual({ Accept: 'text/calendar', Authorization: 'Bearer t' })
  })

  it('answers undefined for an answer with no body', async () => {
    fakeFetch(() => new Response(null, { status: 202 }))
    expect(await api('/bookings/lookup', { json: { email: 'a@example.org' } })).toBeUndefined()
  })

  it('throws a problem+json answer as an ApiProblem with its status, code and fields', async () => {
    const problem = {
      title: 'Check your answers',
      detail: 'Enter an email address',
      code: 'validation-failed',
      errors: [{ field: 'email', message: 'Enter an email address' }],
    }
    fakeFetch(() => json(problem, 422, 'application/problem+json'))
    const error = await api('/bookings/lookup', { json: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({ status: 422, code: 'validation-failed', message: 'Enter an email address' })
    expect((error as ApiProblem).errors).toEqual(problem.errors)
  })

  it('throws an answer that is not problem+json as an ApiProblem with its status', async () => {
    fakeFetch(() => new Response('Bad gateway', { status: 502 }))
    const error = await request('/sessions').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502, code: 'unknown' })
  })

  it('throws a network failure as an ApiProblem with status 0', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    const error = await api('/sessions').catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 0, code: 'network', message: 'The service could not be reached' })
  })

  it('adds the signed-in staff member’s token to a staff call, and none when signed out', async () => {
    const calls = fakeFetch(() => json({}))
    await staffApi('/staff/me')
    setStaffToken('id-token')
    await staffApi('/admin/staff', { json: { name: 'Ben' } })
    expect(calls.map((call) => call.init.headers)).toEqual([
      { Accept: 'application/json' },
      { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer id-token' },
    ])
  })
})
