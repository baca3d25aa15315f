import { type LaSummary, LaSummarySchema } from '@ey/contract'
import type { Booking } from '@ey/domain'
import { bookingItem, createDynamoTakeUpStats } from '@ey/dynamodb'
import { PutCommand } from '@ey/dynamodb/client'
import { localAuthorities } from '@ey/reference-data'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  LEEDS,
  makeBooking,
  makePerson,
  makeQuestionnaireResponse,
  makeSnapshot,
  partAt,
  WESTMINSTER,
} from '../../../support/factories.ts'
import { type DemoStaffName, staffToken } from '../../../support/staff.ts'
import { createTestApi, type TestApi } from '../support.ts'

const c = 'c'
const YEAR = 'from=2026-09-01&to=2027-08-31'
let api: TestApi

/** A booking of a session starting on 6 October 2026, from this LA. */
function booking(id: string, status: Booking['status'], laCode: string): Booking {
  return makeBooking({
    id,
    status,
    person: makePerson({ laCode, email: `${id}@example.org`, settingName: `Setting ${id}` }),
    emailKey: `${id}@example.org`,
    session: makeSnapshot({ parts: [partAt('2026-10-06T15:00:00Z')] }),
  })
}

/**
 * Seven bookings from Leeds (six attended, one missed) and one from Westminster, all in October
 * 2026, in the aggregates as the stats function keeps them; six post questionnaires from Leeds.
 */
beforeAll(async () => {
  api = await createTestApi()
  const leeds = [
    ...Array.from({ length: 6 }, (_, i) => booking(`la-leeds-${i}`, 'attended', LEEDS)),
    booking('la-leeds-missed', 'no-show', LEEDS),
  ]
  const stats = createDynamoTakeUpStats(api.table, localAuthorities)
  for (const made of [...leeds, booking('la-westminster', 'attended', WESTMINSTER)]) {
    await api.table.doc.send(new PutCommand({ TableName: api.table.tableName, Item: bookingItem.to(made) }))
    await stats.applyBooking(made.id)
  }
  for (const made of leeds.slice(0, 6)) {
    await api.deps.questionnaires.saveResponse(
      makeQuestionnaireResponse({ bookingId: made.id, templateId: 'default-post', answers: {} }),
    )
  }
})

async function summary(user: DemoStaffName, path: string): Promise<Response> {
  return api.app.request(path, { headers: { Authorization: `Bearer ${await staffToken(user)}` } })
}

describe('GET /api/la/{code}/summary', () => {
  it('answers an LA officer their LA’s figures, suppressed, beside its region and England', async () => {
    const response = await summary('la-leeds', `/api/la/${LEEDS}/summary?${YEAR}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const body = LaSummarySchema.parse(await response.json())
    expect(body).toMatchObject({
      la: { code: LEEDS, name: 'Leeds', regionCode: 'E12000003', regionName: 'Yorkshire and The Humber' },
      period: { from: '2026-09-01', to: '2027-08-31' },
      totals: { bookings: 7, attended: c, noShows: c, lateCancellations: 0, people: 7, settings: 7 },
      // 7 booked beside 6 attended would say that one did not come.
      byCourse: [{ courseId: 'slcn-core', bookings: 7, attended: c }],
      results: { responses: { post: 6 }, answerable: { post: 6 }, responseRates: { post: c } },
      region: {
        code: 'E12000003',
        name: 'Yorkshire and The Humber',
        totals: { bookings: 7, attended: c, noShows: c, lateCancellations: 0, people: 7, settings: 7 },
      },
      england: {
        totals: { bookings: 8, attended: c, noShows: c, lateCancellations: 0, people: 8, settings: 8 },
      },
    })
    expect(body.byMonth.map((row) => row.month)).toHaveLength(12)
  })

  it('leaves the region’s and England’s people and settings null for a period that is not one academic year', async () => {
    const response = await summary('la-leeds', `/api/la/${LEEDS}/summary?from=2026-10-01&to=2026-10-31`)
    const body = (await response.json()) as LaSummary
    expect(body.totals).toMatchObject({ bookings: 7, people: 7 })
    expect(body.region.totals).toMatchObject({ bookings: 7, people: null, settings: null })
    expect(body.england.totals).toMatchObject({ bookings: 8, people: null, settings: null })
  })

  it('answers 403 to an LA officer for another LA in the path, whatever the query says', async () => {
    const queries = [
      '',
      `?la=${LEEDS}`,
      `?code=${LEEDS}`,
      `?${YEAR}&la=${LEEDS}&code=${LEEDS}`,
      // Dates that make no period: still 403, so the answer says nothing about the LA's data.
      '?from=2026-10-02&to=2026-10-01',
    ]
    for (const query of queries) {
      const response = await summary('la-leeds', `/api/la/${WESTMINSTER}/summary${query}`)
      expect(response.status).toBe(403)
      expect(response.headers.get('Content-Type')).toContain('application/problem+json')
    }
    expect((await summary('la-leeds', `/api/la/${LEEDS}/summary?la=${WESTMINSTER}`)).status).toBe(200)
  })

  it('answers an administrator any LA, and a trainer 403', async () => {
    const westminster = await summary('admin', `/api/la/${WESTMINSTER}/summary?${YEAR}`)
    expect(westminster.status).toBe(200)
    expect(await westminster.json()).toMatchObject({ la: { name: 'Westminster' }, totals: { bookings: c } })
    expect((await summary('trainer-amira', `/api/la/${LEEDS}/summary`)).status).toBe(403)
  })

  it('reads this academic year when no dates are given, London time', async () => {
    const body = (await (await summary('admin', `/api/la/${LEEDS}/summary`)).json()) as LaSummary
    expect(body.period).toEqual({ from: '2025-09-01', to: '2026-08-31' })
    expect(body.totals.bookings).toBe(0)
  })

  it.each([
    ['from=yesterday', 400, 'from'],
    ['from=2026-09-01&to=2026-02-30', 400, 'to'],
    ['from=2026-10-02&to=2026-10-01', 422, 'to'],
    ['from=2000-09-01&to=2026-08-31', 422, 'to'],
  ])('answers %s with %i naming `%s`', async (query, status, field) => {
    const response = await summary('la-leeds', `/api/la/${LEEDS}/summary?${query}`)
    expect(response.status).toBe(status)
    const problem = (await response.json()) as { errors: { field: string }[] }
    expect(problem.errors.map((error) => error.field)).toEqual([field])
  })

  it('answers 400 naming `code` for a code that is not an LA', async () => {
    const response = await summary('admin', '/api/la/E99999999/summary')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ errors: [{ field: 'code' }] })
  })
})
