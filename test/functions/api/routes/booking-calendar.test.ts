import { randomUUID } from 'node:crypto'
import type { NewBookingView } from '@ey/contract'
import type { Session } from '@ey/domain'
import ICAL from 'ical.js'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { makeCourse, makeSession } from '../../../support/factories.ts'
import { booked as bookAndOpen, createTestApi, SITE_URL, type TestApi, withToken } from '../support.ts'

describe('GET /api/bookings/{id}/calendar', () => {
  let api: TestApi

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
  })

  afterEach(() => ICAL.TimezoneService.reset())

  async function booked(overrides: Partial<Session> & { startsAt?: string } = {}): Promise<NewBookingView> {
    const id = `s-${randomUUID()}`
    await storeSessions(api.table, makeSession({ id, ...overrides }))
    return bookAndOpen(api, id, { email: `${randomUUID()}@example.org` })
  }

  const calendar = (b: NewBookingView, token = b.manageToken) =>
    api.app.request(`/api/bookings/${b.id}/calendar`, withToken(token))

  function events(ics: string) {
    const parsed = new ICAL.Component(ICAL.parse(ics))
    const zone = parsed.getFirstSubcomponent('vtimezone')
    if (zone) ICAL.TimezoneService.register(zone)
    return parsed.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent))
  }

  it('answers an RFC 5545 file with the session at its London wall-clock time and the booking’s page, no token', async () => {
    // 15:00 UTC in June is 16:00 in London (BST).
    const made = await booked({ startsAt: '2026-06-02T15:00:00.000Z' })
    const res = await calendar(made)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="training-${made.reference}.ics"`,
    )
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const [event, ...others] = events(await res.text())
    expect(others).toEqual([])
    expect(event?.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London')
    expect(event?.startDate.toString()).toBe('2026-06-02T16:00:00')
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-06-02T15:00:00.000Z')
    // Calendar files are shared and synced: the link names the booking's page, not its key.
    expect(event?.description).toContain(`${SITE_URL}/manage#${new URLSearchParams({ id: made.id })}`)
    expect(event?.description).not.toContain(made.manageToken)
  })

  it('answers 401 without a token and the same 404 for a wrong one, with no file', async () => {
    const made = await booked()
    const anonymous = await api.app.request(`/api/bookings/${made.id}/calendar`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toBe('application/problem+json')
    const wrong = await calendar(made, 'not-the-token')
    expect(wrong.status).toBe(404)
    expect(await wrong.json()).toMatchObject({ code: 'booking-not-found' })
  })

  it('answers a cancelling file once the booking is cancelled', async () => {
    const made = await booked()
    await api.app.request(`/api/bookings/${made.id}`, withToken(made.manageToken, { method: 'DELETE' }))
    const ics = await (await calendar(made)).text()
    expect(ics).toContain('METHOD:CANCEL')
    expect(events(ics)[0]?.component.getFirstPropertyValue('status')).toBe('CANCELLED')
  })
})
