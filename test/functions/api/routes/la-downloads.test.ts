import type { AuditList, BookingView } from '@ey/contract'
import { SUPPRESSED } from '@ey/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { LEEDS, makeCourse } from '../../../support/factories.ts'
import {
  AMIRA,
  createLaDownloadsApi,
  csvRows,
  FORMULA_NAMES,
  getAs,
  LISTED,
  NEWCASTLE,
  PERIOD,
  WAKEFIELD,
} from '../la-downloads-world.ts'
import type { TestApi } from '../support.ts'

const QUERY = `from=${PERIOD.from}&to=${PERIOD.to}`
const ATTENDEES = `/api/la/${LEEDS}/attendees.csv?${QUERY}`
const SUMMARY = `/api/la/${LEEDS}/summary.csv?${QUERY}`
let api: TestApi

beforeAll(async () => {
  api = await createLaDownloadsApi()
})

/** The file's lines as objects by header. */
async function lines(response: Response): Promise<Record<string, string>[]> {
  const [header = [], ...rows] = await csvRows(response)
  for (const row of rows) expect(row).toHaveLength(header.length)
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])))
}

describe('GET /api/la/{code}/attendees.csv', () => {
  it('lists exactly the bookings of the LA’s people who agreed to share, in the period', async () => {
    const response = await getAs(api, 'la-leeds', ATTENDEES)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="${LEEDS}-leeds-2026-10-01-2026-11-30-attendees.csv"`,
    )
    const found = await lines(response)
    const expected = LISTED.map((booking) => booking.person.name.replace(/^[=+\-@]/, "'$&"))
    expect(found.map((line) => line.name).sort()).toEqual(expected.sort())
  })

  it('writes each column of a booking: labels, London dates, attendance per part, answers', async () => {
    const found = await lines(await getAs(api, 'admin', ATTENDEES))
    expect(found.find((line) => line.name === AMIRA.person.name)).toMatchObject({
      email: AMIRA.person.email,
      role: 'SENCO (special educational needs coordinator)',
      'setting name': 'Little Acorns',
      'setting type': 'Childminder',
      'Ofsted URN': '123456',
      'course id': 'slcn-core',
      'first day': '2026-10-05',
      'dates and times': 'Monday 5 October 2026, 4pm to 5:30pm; Monday 12 October 2026, 4pm to 5:30pm',
      status: 'attended',
      'part 1 attendance': 'present',
      'part 2 attendance': 'absent',
      'part 3 attendance': '',
      'pre answered': 'yes',
      'post answered': 'no',
    })
    expect(found.find((line) => line.name === 'Absent Person')).toMatchObject({
      'course title': 'Autism in the early years',
      status: 'no-show',
      'part 1 attendance': 'absent',
      'part 2 attendance': '',
      'pre answered': 'no',
    })
    expect(found.find((line) => line.name === 'Cancelled Person')).toMatchObject({
      status: 'cancelled',
      'part 1 attendance': '',
    })
  })

  it('writes formula-like names as inert text, a quote before them', async () => {
    const names = (await lines(await getAs(api, 'la-leeds', ATTENDEES))).map((line) => line.name)
    for (const name of FORMULA_NAMES) expect(names).toContain(`'${name}`)
    expect(names.filter((name) => /^[=+\-@\t\r]/.test(name ?? ''))).toEqual([])
  })

  it('leaves out a booking withdrawn on its manage page from the very next download, and lists it again once agreed', async () => {
    const names = async () => (await lines(await getAs(api, 'la-leeds', ATTENDEES))).map((line) => line.name)
    const attendee = LISTED.find((booking) => booking.person.name === 'Attendee 1')
    const id = attendee?.id ?? ''
    const manage = (action: 'withdraw' | 'agree') =>
      api.app.request(`/api/bookings/${id}/la-sharing/${action}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${api.deps.tokens.issue(id)}` },
      })
    expect(await names()).toContain('Attendee 1')
    const withdrawn = await manage('withdraw')
    expect(withdrawn.status).toBe(200)
    expect(((await withdrawn.json()) as BookingView).person.shareWithLa).toBe(false)
    try {
      expect(await names()).not.toContain('Attendee 1')
      expect(await names()).toHaveLength(LISTED.length - 1)
    } finally {
      expect((await manage('agree')).status).toBe(200)
    }
    expect(await names()).toContain('Attendee 1')
  })

  it('answers 404 to a sharing change without the booking’s token, and lists the booking still', async () => {
    const id = AMIRA.id
    const response = await api.app.request(`/api/bookings/${id}/la-sharing/withdraw`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.deps.tokens.issue('bk-la-elsewhere')}` },
    })
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toContain('application/problem+json')
    const names = (await lines(await getAs(api, 'la-leeds', ATTENDEES))).map((line) => line.name)
    expect(names).toContain(AMIRA.person.name)
  })
})

describe('GET /api/la/{code}/summary.csv', () => {
  it('answers a line per course and month, the totals, and no count from 1 to 4', async () => {
    const response = await getAs(api, 'la-leeds', SUMMARY)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="${LEEDS}-leeds-2026-10-01-2026-11-30-summary.csv"`,
    )
    const found = await lines(response)
    // Courses in the catalogue's order, by title.
    const slcn = makeCourse().title
    expect(found.map((line) => [line.month, line['course id'], line['course title']])).toEqual([
      ['2026-11', 'autism-early', 'Autism in the early years'],
      ['2026-10', 'slcn-core', slcn],
      ['all months', 'autism-early', 'Autism in the early years'],
      ['all months', 'slcn-core', slcn],
      ['2026-10', '', 'all courses'],
      ['2026-11', '', 'all courses'],
      ['all months', '', 'all courses'],
    ])
    for (const line of found) expect(line).toMatchObject({ 'la code': LEEDS, 'la name': 'Leeds' })
    // Everyone from Leeds counts, sharing or not: 1 + 4 + 3 attended and confirmed who share, 4 who
    // do not; 8 of them attended, hidden, as 12 booked beside it would say that 4 did not.
    expect(found[1]).toMatchObject({ bookings: '12', attended: SUPPRESSED })
    expect(found[1]).not.toHaveProperty('no-shows')
    const counts = found.flatMap((line) => ['bookings', 'attended'].map((name) => line[name]))
    expect(
      counts.filter((count) => count !== SUPPRESSED && Number(count) >= 1 && Number(count) <= 4),
    ).toEqual([])
    expect(counts).toContain(SUPPRESSED)
  })

  it('answers ?dictionary with a line per column of both files', async () => {
    const response = await getAs(api, 'la-leeds', `${SUMMARY}&dictionary`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toContain('-dictionary.csv"')
    const described = await lines(response)
    const columns = async (path: string) => (await csvRows(await getAs(api, 'admin', path)))[0] ?? []
    const named = (file: string) =>
      described
        .filter((line) => line.file === file && !line.column?.startsWith('('))
        .map((line) => line.column)
    expect(named('attendees')).toEqual(await columns(ATTENDEES))
    expect(named('summary')).toEqual(await columns(SUMMARY))
    for (const line of described) expect(line.description?.length).toBeGreaterThan(10)
  })
})

describe('LA scope of the downloads', () => {
  const paths = (code: string, query = '') => [
    `/api/la/${code}/attendees.csv?${QUERY}${query}`,
    `/api/la/${code}/summary.csv?${QUERY}${query}`,
    `/api/la/${code}/summary.csv?${QUERY}&dictionary${query}`,
  ]

  it.each(paths(LEEDS, `&la=${NEWCASTLE}&code=${NEWCASTLE}`))(
    'refuses an LA officer another LA in the path whatever the query says: %s',
    async (path) => {
      expect((await getAs(api, 'la-north-east', path)).status).toBe(403)
    },
  )

  it.each(paths(NEWCASTLE, `&la=${LEEDS}&code=${LEEDS}`))('refuses la-leeds %s', async (path) => {
    expect((await getAs(api, 'la-leeds', path)).status).toBe(403)
  })

  it.each(paths(WAKEFIELD))('refuses a trainer %s', async (path) => {
    expect((await getAs(api, 'trainer-amira', path)).status).toBe(403)
  })

  it('answers 403 before looking at the period of another LA', async () => {
    const path = `/api/la/${NEWCASTLE}/attendees.csv?from=2026-12-01&to=2026-01-01`
    expect((await getAs(api, 'la-leeds', path)).status).toBe(403)
  })

  it('reads the LA in the path only, whatever a second code in the query says', async () => {
    const response = await getAs(api, 'la-leeds', `${ATTENDEES}&code=${WAKEFIELD}&la=${WAKEFIELD}`)
    const names = (await lines(response)).map((line) => line.name)
    expect(names).toHaveLength(LISTED.length)
    expect(names).not.toContain('Wakefield Person')
  })
})

describe('the audit log of downloads', () => {
  it('records each download before it is sent, and lists it to administrators, newest first', async () => {
    const audited = await createLaDownloadsApi()
    await getAs(audited, 'la-leeds', ATTENDEES)
    audited.deps.clock.advance(60_000)
    await getAs(audited, 'admin', SUMMARY)
    audited.deps.clock.advance(60_000)
    await getAs(audited, 'la-leeds', `${SUMMARY}&dictionary`)
    await getAs(audited, 'la-north-east', ATTENDEES)

    const response = await getAs(audited, 'admin', '/api/admin/audit')
    expect(response.status).toBe(200)
    const { items, next } = (await response.json()) as AuditList
    expect(next).toBeUndefined()
    expect(items).toEqual([
      {
        id: expect.any(String),
        at: '2026-03-02T09:01:00.000Z',
        action: 'la-summary-csv',
        staff: { sub: 'admin', name: 'Ada Administrator' },
        laCode: LEEDS,
        period: PERIOD,
        rows: 7,
      },
      {
        id: expect.any(String),
        at: '2026-03-02T09:00:00.000Z',
        action: 'la-attendees-csv',
        staff: { sub: 'la-leeds', name: 'Priya Shah (Leeds)' },
        laCode: LEEDS,
        period: PERIOD,
      },
    ])
  })

  it('fails the download when its entry cannot be written, and reads nothing', async () => {
    let read = false
    const failing = await createLaDownloadsApi()
    const broken = await createLaDownloadsApi({
      accessAudit: {
        ...failing.deps.accessAudit,
        record: () => Promise.reject(new Error('table unavailable')),
      },
      laBookings: {
        pages: (code, period) => {
          read = true
          return failing.deps.laBookings.pages(code, period)
        },
        current: failing.deps.laBookings.current,
      },
    })
    const response = await getAs(broken, 'la-leeds', ATTENDEES)
    expect(response.status).toBe(500)
    expect(response.headers.get('Content-Type')).toContain('application/problem+json')
    expect(read).toBe(false)
  })
})
