import { randomUUID } from 'node:crypto'
import { type NationalSummary, NationalSummarySchema } from '@ey/contract'
import { createDynamoTakeUpStats } from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { LEEDS, makeCourse, makePartner, makeSession, WESTMINSTER } from '../../../support/factories.ts'
import { type DemoStaffName, staffToken } from '../../../support/staff.ts'
import { booked, createTestApi, type TestApi } from '../support.ts'

const YEAR = 'from=2025-09-01&to=2026-08-31'
const course = makeCourse({ id: `national-${randomUUID().slice(0, 8)}` })
// Two places, two weeks after the test clock's now (16 March 2026): in the academic year 2025/26.
const session = makeSession({ id: `s-${randomUUID()}`, courseId: course.id, capacity: 2 })
let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
  await api.catalogue.putPartner(makePartner())
  await api.catalogue.putCourse(course)
  await storeSessions(api.table, session)
  const people = [
    { email: 'ada@nursery.example.org', laCode: LEEDS },
    { email: 'bea@nursery.example.org', laCode: WESTMINSTER, role: 'parent-or-carer' as const },
    { email: 'cat@nursery.example.org', laCode: LEEDS },
  ]
  const ids: string[] = []
  for (const person of people) {
    ids.push((await booked(api, session.id, person)).id)
  }
  // What the table's stream does in production: each booking's take-up into the aggregates.
  const stats = createDynamoTakeUpStats(api.table, localAuthorities)
  for (const id of ids) await stats.applyBooking(id)
})

async function national(user: DemoStaffName, query = YEAR): Promise<Response> {
  return api.app.request(`/api/admin/national?${query}`, {
    headers: { Authorization: `Bearer ${await staffToken(user)}` },
  })
}

describe('GET /api/admin/national', () => {
  it('answers an administrator the raw figures of the bookings made, people counted in an academic year', async () => {
    const response = await national('admin')
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const summary = NationalSummarySchema.parse(await response.json())
    expect(summary).toMatchObject({
      period: { from: '2025-09-01', to: '2026-08-31' },
      people: { total: 2, practitioners: 1, parentsAndCarers: 1, others: 0 },
      sessions: 1,
      bookings: 2,
      attendances: 0,
      las: { represented: 2, of: 153, share: 1.3 },
    })
    expect(row(summary, LEEDS)).toMatchObject({ bookings: 1, people: 1 })
    expect(row(summary, WESTMINSTER)).toMatchObject({ bookings: 1, people: 1 })
    expect(summary.byRegion.find((region) => region.name === 'London')).toMatchObject({
      people: 1,
      lasRepresented: 1,
      las: 33,
    })
    // The third person waits for a full session of a course with no place to come.
    expect(summary.demand.byCourse).toEqual([
      { courseId: course.id, title: course.title, waiting: 1, openAlerts: 0, placesLeft: 0 },
    ])
    expect(summary.demand.byLa).toEqual([{ code: LEEDS, name: 'Leeds', waiting: 1, openAlerts: 0 }])
  })

  it('gives no people for a period that is not one academic year, and places booked all the same', async () => {
    const summary = NationalSummarySchema.parse(
      await (await national('admin', 'from=2026-03-01&to=2026-03-31')).json(),
    )
    expect(summary.people).toEqual({ total: null, practitioners: null, parentsAndCarers: null, others: null })
    expect(summary.settings).toBeNull()
    expect(summary.bookings).toBe(2)
    expect(row(summary, LEEDS)?.people).toBeNull()
  })

  it('defaults to this academic year', async () => {
    const summary = NationalSummarySchema.parse(await (await national('admin', '')).json())
    expect(summary.period).toEqual({ from: '2025-09-01', to: '2026-08-31' })
  })

  it('answers 422 naming `to` for a period that ends before it starts', async () => {
    const response = await national('admin', 'from=2026-03-02&to=2026-03-01')
    expect(response.status).toBe(422)
    expect((await response.json()).errors).toEqual([
      { field: 'to', message: 'The last day must be on or after the first day' },
    ])
  })

  it.each(['la-leeds', 'trainer-amira'] as const)('refuses %s with 403', async (user) => {
    const response = await national(user)
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('bookings')
  })
})

describe('GET /api/admin/national.csv', () => {
  it('downloads one row per LA with its figures, as a UTF-8 file with a byte order mark, named for England and the period', async () => {
    const response = await api.app.request(`/api/admin/national.csv?${YEAR}`, {
      headers: { Authorization: `Bearer ${await staffToken('admin')}` },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="E92000001-england-2025-09-01-2026-08-31-national.csv"',
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    expect(lines[0]).toBe(
      'LA code,LA name,Region,People reached,Places booked,Attendances,Waiting,Open interest alerts',
    )
    expect(lines.filter((line) => line !== '')).toHaveLength(154)
    expect(lines).toContain(`${LEEDS},Leeds,Yorkshire and The Humber,1,1,0,1,0`)
    expect(lines).toContain(`${WESTMINSTER},Westminster,London,1,1,0,0,0`)
    expect(lines).toContain('E06000010,"Kingston upon Hull, City of",Yorkshire and The Humber,0,0,0,0,0')
  })

  it.each(['la-leeds', 'trainer-amira'] as const)('refuses %s with 403', async (user) => {
    const response = await api.app.request(`/api/admin/national.csv?${YEAR}`, {
      headers: { Authorization: `Bearer ${await staffToken(user)}` },
    })
    expect(response.status).toBe(403)
  })
})

function row(summary: NationalSummary, code: string) {
  return summary.byLa.find((la) => la.code === code)
}
