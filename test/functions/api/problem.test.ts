import { DomainError, ERRORS, type ErrorCode, type Person, ServiceBusyError } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { storeSessions } from '../../support/dynamo.ts'
import { makePerson, makeSession } from '../../support/factories.ts'
import { book, booked, createTestApi, withToken } from './support.ts'

describe('the API’s error handling', () => {
  it('answers an unexpected failure with a generic 500 and logs the error, not its details', async () => {
    const api = await createTestApi()
    const failure = new Error('connect ECONNREFUSED 10.0.0.7:8000')
    api.deps.bookings.getSession = async () => {
      throw failure
    }
    const res = await api.app.request('/api/sessions/any-session')
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({
      code: 'internal-error',
      status: 500,
      instance: '/api/sessions/any-session',
    })
    expect(text).not.toContain('ECONNREFUSED')
    const errors = api.deps.logger.lines.filter((line) => line.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.args).toContain(failure)
  })

  it('answers 503 with Retry-After when the service is busy', async () => {
    const api = await createTestApi()
    await storeSessions(api.table, makeSession({ id: 'busy' }))
    api.deps.bookings.placeBooking = async () => {
      throw new ServiceBusyError(3)
    }
    const res = await book(api.app, 'busy')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('3')
    expect(await res.json()).toMatchObject({ code: 'service-busy', title: ERRORS['service-busy'].title })
  })

  it.each([
    ['session-not-found', 404],
    ['booking-not-found', 404],
    ['already-booked', 409],
    ['invalid-transition', 409],
    ['idempotency-key-reused', 422],
    ['bespoke-session', 403],
    ['unknown-local-authority', 400],
  ] as [ErrorCode, number][])(
    'answers domain error %s with status %i and its catalogue title',
    async (code, status) => {
      const api = await createTestApi()
      api.deps.bookings.getSession = async () => {
        throw new DomainError(code, 'What happened, for the reader.')
      }
      const res = await api.app.request('/api/sessions/any')
      expect(res.status).toBe(status)
      expect(await res.json()).toEqual({
        type: `https://problems.early-years-send.example/${code}`,
        title: ERRORS[code].title,
        status,
        detail: 'What happened, for the reader.',
        instance: '/api/sessions/any',
        code,
        errors: [],
      })
    },
  )

  it('logs each request with its id and route, and never a token, an email address or a name', async () => {
    const api = await createTestApi()
    await storeSessions(api.table, makeSession({ id: 'logged' }))
    const person: Person = makePerson({ name: 'Florence Nightingale', email: 'florence@example.org' })
    const made = await booked(api, 'logged', person)
    await api.app.request(`/api/bookings/${made.id}`, withToken(made.manageToken))
    await api.app.request(`/api/bookings/${made.id}`, withToken('a-wrong-token-value'))
    const requests = api.deps.logger.lines.filter((line) => line.args[0] === 'request')
    // The booking, the holder's read that opens it (as its emailed link would), and the two reads here.
    expect(requests).toHaveLength(4)
    expect(requests[0]?.args).toContainEqual(
      expect.objectContaining({ method: 'POST', route: '/api/sessions/:id/bookings', status: 202 }),
    )
    expect(requests[0]?.args).toContainEqual({ requestId: expect.any(String) })
    const logged = api.deps.logger.text()
    for (const secret of [
      made.manageToken,
      'a-wrong-token-value',
      'florence',
      'Florence',
      'Nightingale',
      made.id,
    ]) {
      expect(logged).not.toContain(secret)
    }
  })
})
