import { randomUUID } from 'node:crypto'
import type { BookingEmail } from '@ey/domain'
import { prepareBookingEmail } from '@ey/mail'
import { manageUrl } from '@ey/presentation'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { DAY, makeCourse, makeSession, NOW } from '../../../support/factories.ts'
import { booked, createTestApi, SITE_URL, type TestApi, withToken } from '../support.ts'

describe('manage links: expiry and renewal', () => {
  let api: TestApi
  const sessionIds = [`s-${randomUUID()}`, `s-${randomUUID()}`] as const
  /** The end of the later session (each is 90 minutes long). */
  const lastEnd = new Date(NOW.getTime() + 14 * DAY + 90 * 60_000)

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
    await storeSessions(
      api.table,
      makeSession({ id: sessionIds[0], startsAt: new Date(NOW.getTime() + 7 * DAY) }),
      makeSession({ id: sessionIds[1], startsAt: new Date(NOW.getTime() + 14 * DAY) }),
    )
  })
  afterEach(() => api.deps.clock.set(NOW))

  const lookup = (body: unknown) =>
    api.app.request('/api/bookings/lookup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
  const open = (id: string, token: string, path = '') =>
    api.app.request(`/api/bookings/${id}${path}`, withToken(token))

  /** Runs `act` while recording the renewal emails the table accepted. */
  async function renewalsDuring(act: () => unknown): Promise<BookingEmail[]> {
    const renew = api.deps.manageLinks.renew
    const queued: BookingEmail[] = []
    api.deps.manageLinks.renew = async (request) => {
      const outcome = await renew(request)
      if (outcome === 'renewed') queued.push(request.email)
      return outcome
    }
    try {
      await act()
    } finally {
      api.deps.manageLinks.renew = renew
    }
    return queued
  }

  it('answers 410 manage-link-expired on every manage route once the links have expired, and 200 just before', async () => {
    const made = await booked(api, sessionIds[1], { email: `${randomUUID()}@example.org` })
    const expires = new Date(lastEnd.getTime() + 90 * DAY)

    api.deps.clock.set(new Date(expires.getTime() - 1))
    expect((await open(made.id, made.manageToken)).status).toBe(200)
    api.deps.clock.set(expires)
    for (const path of ['', '/calendar', '/attendance', '/materials', '/certificate']) {
      const res = await open(made.id, made.manageToken, path)
      expect(res.status, path).toBe(410)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      const problem = await res.json()
      expect(problem).toMatchObject({ status: 410, code: 'manage-link-expired' })
      expect(JSON.stringify(problem)).not.toContain(made.reference)
    }
  })

  it('with newLinks, replaces every link of the address (old ones answer 410 manage-link-replaced) and emails the new ones once', async () => {
    const email = `${randomUUID()}@example.org`
    const first = await booked(api, sessionIds[0], { email })
    const second = await booked(api, sessionIds[1], { email })

    const queued = await renewalsDuring(async () => {
      for (let i = 0; i < 2; i++)
        expect((await lookup({ email: email.toUpperCase(), newLinks: true })).status).toBe(202)
    })

    for (const made of [first, second]) {
      const old = await open(made.id, made.manageToken)
      expect(old.status).toBe(410)
      expect(await old.json()).toMatchObject({ code: 'manage-link-replaced' })
      expect((await open(made.id, api.deps.tokens.issue(made.id, 2))).status).toBe(200)
    }
    expect(queued).toEqual([expect.objectContaining({ kind: 'manage-links-renewed', bookingId: first.id })])
    const [message] = queued
    if (!message) throw new Error('no email queued')
    const prepared = await prepareBookingEmail(
      { ...api.deps, siteUrl: SITE_URL, calendarDomain: 'training.example.org' },
      message,
    )
    if (prepared.outcome !== 'ready') throw new Error(`email ${prepared.outcome}`)
    expect(prepared.email.to).toBe(email)
    for (const made of [first, second]) {
      expect(prepared.email.text).toContain(manageUrl(SITE_URL, made.id, api.deps.tokens.issue(made.id, 2)))
      expect(prepared.email.text).not.toContain(made.manageUrl)
    }
  })

  it('answers an unknown address exactly as a known one, and renews nothing', async () => {
    const email = `${randomUUID()}@example.org`
    await booked(api, sessionIds[0], { email })
    const known = await lookup({ email, newLinks: true })
    let unknown: Response | undefined
    const queued = await renewalsDuring(async () => {
      unknown = await lookup({ email: `${randomUUID()}@example.org`, newLinks: true })
    })

    expect(queued).toEqual([])
    expect([known.status, unknown?.status]).toEqual([202, 202])
    expect(await known.json()).toEqual(await unknown?.json())
  })
})
