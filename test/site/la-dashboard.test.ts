import { readFile } from 'node:fs/promises'
import type { LaSummary, NewBookingView, SessionView } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { bookThroughApi } from './lib/booking-pages.ts'
import { chooseLa, expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { staffPage } from './lib/staff-pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()

const LEEDS = 'E08000035'
const NEWCASTLE = 'E08000021'

/** The first lines of the downloads, as the API's CSV columns name them. */
const SUMMARY_HEADER = 'la code,la name,month,course id,course title,bookings,attended'
const DICTIONARY_HEADER = 'file,column,description'

/**
 * Each column of the attendee list and the words the privacy notice uses for it: a column the
 * notice does not name fails the test, so the notice keeps saying exactly what an LA sees.
 */
const ATTENDEE_COLUMNS_IN_THE_NOTICE: Record<string, string> = {
  name: 'name, email address',
  email: 'email address',
  role: 'role',
  'setting name': 'setting name',
  'setting type': 'setting type',
  'Ofsted URN': 'Ofsted URN',
  'course id': 'the course (its id and title)',
  'course title': 'the course (its id and title)',
  'first day': 'the first day',
  'dates and times': 'every date and time of the session',
  status: 'the state of the booking',
  'part N attendance': 'whether you attended each part',
  'pre answered': 'whether you answered the questionnaires before and after',
  'post answered': 'whether you answered the questionnaires before and after',
}

/** An LA's summary as the API answers it to this staff member. */
async function summaryAs(username: string, code: string, query: Record<string, string> = {}) {
  const token = await signInAs(site.stack.issuerUrl, username)
  const search = new URLSearchParams(query)
  const res = await fetch(`${site.stack.webUrl}/api/la/${code}/summary?${search}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return (await res.json()) as LaSummary
}

/** Books an open session through the API for someone from Leeds who agreed to share, or not. */
async function bookFromLeeds(shareWithLa: boolean): Promise<NewBookingView> {
  const sessions: SessionView[] = (
    await (await fetch(`${site.stack.webUrl}/api/sessions?available=true`)).json()
  ).items
  const open = sessions.find((session) => session.bookable && session.bespokeLaCodes.length === 0)
  return bookThroughApi(site, open?.id ?? '', { email: uniqueEmail('la-share'), laCode: LEEDS, shareWithLa })
}

/** The cells of a table's row whose heading is `heading`. */
async function row(table: Locator, heading: string): Promise<string[]> {
  const rows = table.locator('tr', {
    has: table.page().getByRole('rowheader', { name: heading, exact: true }),
  })
  return (await rows.locator('th, td').allInnerTexts()).map((text) => text.trim())
}

const figure = (value: number | 'c' | null) => (value === null ? 'not counted' : String(value))

/** The file a download button gives, and its first line without the byte order mark. */
async function downloaded(page: Page, name: string): Promise<{ file: string; firstLine: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ])
  const text = await readFile(await download.path(), 'utf8')
  return {
    file: download.suggestedFilename(),
    firstLine: text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '',
  }
}

describe('the LA dashboard', () => {
  it('shows an LA officer on a phone their LA’s figures from last term, with each chart’s figures as a table', async () => {
    const api = await summaryAs('la-leeds', LEEDS)
    expect(api.totals.bookings).not.toBe(0)
    const page = await staffPage(site, 'la-leeds', { width: 390, path: '/staff/' })
    await page.getByRole('link', { name: 'Leeds dashboard' }).click()
    await expectText(page.locator('#period-words'), 'for people from Leeds')
    expect(new URL(page.url()).searchParams.get('la')).toBe(LEEDS)

    // The period the API answered (this academic year by default) is written out and in the form.
    expect(await page.getByLabel('Sessions starting from').inputValue()).toBe(api.period.from)
    expect(await page.getByLabel('Up to and including').inputValue()).toBe(api.period.to)

    // The LA's own column is read from its bookings; the region's and England's come from aggregates
    // the stream is still filling with the seeded term while the test runs, so only their form is fixed.
    const totals = page.getByRole('table', { name: /^Take-up in Leeds/ })
    for (const [heading, key] of [
      ['Places booked', 'bookings'],
      ['Attended', 'attended'],
      ['Different people', 'people'],
      ['Different settings', 'settings'],
    ] as const) {
      const [head, leeds, region, england] = await row(totals, heading)
      expect([head, leeds]).toEqual([heading, figure(api.totals[key])])
      expect([region, england]).toEqual([
        expect.stringMatching(/^(\d+|c)$/),
        expect.stringMatching(/^(\d+|c)$/),
      ])
    }

    // Each chart is followed by its figures, for screen readers.
    expect(await page.locator('svg.app-chart').count()).toBeGreaterThanOrEqual(3)
    const [month] = api.byMonth
    expect(month).toBeDefined()
    const byMonth = page.getByRole('table', { name: /by the month the session started/ })
    const monthRows = await byMonth.locator('tbody tr').count()
    expect(monthRows).toBe(api.byMonth.length)
    expect(
      (await byMonth.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim()),
    ).toEqual([figure(month?.bookings ?? null), figure(month?.attended ?? null)])
    const [course] = api.byCourse
    const byCourse = page.getByRole('table', { name: 'Places booked and attended, by course' })
    expect(await row(byCourse, course?.title ?? '')).toEqual([
      course?.title,
      figure(course?.bookings ?? null),
      figure(course?.attended ?? null),
    ])
    expect(await visibleText(page.locator('#c-note'))).toContain('fewer than 5 people')
    await expectAccessible(page)
  })

  it('downloads the figures, their dictionary and the attendee list of the period, as the API gives them', async () => {
    const api = await summaryAs('la-leeds', LEEDS)
    const page = await staffPage(site, 'la-leeds', { width: 390, path: `/staff/la/?la=${LEEDS}` })
    await expectText(page.locator('#period-words'), 'for people from Leeds')

    const figures = await downloaded(page, 'Figures by course and month (CSV)')
    const stem = `${LEEDS}-leeds-${api.period.from}-${api.period.to}`
    expect(figures.file).toBe(`${stem}-summary.csv`)
    expect(figures.firstLine).toBe(SUMMARY_HEADER)
    await expectText(page.locator('#download-status'), 'Downloaded: Figures by course and month (CSV).')

    const dictionary = await downloaded(page, 'What each column of the figures means (CSV)')
    expect(dictionary.firstLine).toBe(DICTIONARY_HEADER)

    const attendees = await downloaded(page, 'Attendee list (CSV)')
    expect(attendees.file).toBe(`${stem}-attendees.csv`)
    const columns = attendees.firstLine.split(',')
    expect(columns.slice(0, 3)).toEqual(['name', 'email', 'role'])

    // The privacy notice names every column of the list, and nothing about the list is left unsaid.
    await page.goto('/privacy/')
    const notice = await visibleText(page.locator('main'))
    for (const column of columns) {
      const words = ATTENDEE_COLUMNS_IN_THE_NOTICE[column.replace(/^part \d+ /, 'part N ')]
      expect(words, `the privacy notice's words for the column "${column}"`).toBeDefined()
      expect(notice).toContain(words)
    }
  })

  it('refuses an LA officer another LA named in the address, saying which LAs are theirs', async () => {
    const page = await staffPage(site, 'la-leeds', { width: 390, path: `/staff/la/?la=${NEWCASTLE}` })
    const summary = page.locator('#error-summary')
    await expectText(summary, 'You cannot see the figures of Newcastle upon Tyne')
    expect(await visibleText(summary)).toContain('You can see Leeds.')
    expect(await page.locator('#dashboard').isHidden()).toBe(true)
    await expectAccessible(page)
  })

  it('links an LA officer to each of their LAs’ dashboards from the staff home', async () => {
    const page = await staffPage(site, 'la-north-east', { width: 390, path: '/staff/' })
    const links = page.getByRole('link', { name: / dashboard$/ })
    await links.first().waitFor()
    expect(await links.allInnerTexts()).toEqual([
      'County Durham dashboard',
      'Gateshead dashboard',
      'Newcastle upon Tyne dashboard',
      'Northumberland dashboard',
      'Sunderland dashboard',
    ])
  })

  it('tells a person on their manage page what their LA sees, by whether they agreed to share', async () => {
    for (const [share, words] of [
      [true, 'Your local authority can see your name, email address, role, setting'],
      [false, 'Your local authority sees only totals that do not name anyone'],
    ] as const) {
      const booking = await bookFromLeeds(share)
      const page = await site.newPage({ width: 390 })
      await page.goto(`/manage#${new URLSearchParams({ id: booking.id, token: booking.manageToken })}`)
      await expectText(page.locator('#la-sharing-what'), words)
    }
  })

  it('lets an administrator choose any LA and period, and names the date in error', async () => {
    const page = await staffPage(site, 'admin', { width: 390, path: '/staff/' })
    await page.getByRole('link', { name: 'Local authority dashboards' }).click()
    await expectText(page.locator('#choose'), 'Choose a local authority')
    await chooseLa(page, 'Local authority', 'Leed', 'Leeds')
    await page.getByRole('button', { name: 'Show figures for this period' }).click()
    await expectText(page.locator('#period-words'), 'for people from Leeds')
    // What the LA sees, whoever asks: administrators get the same suppressed figures.
    const api = await summaryAs('la-leeds', LEEDS)
    const totals = page.getByRole('table', { name: /^Take-up in Leeds/ })
    expect((await row(totals, 'Attended'))[1]).toBe(figure(api.totals.attended))

    // Not one academic year: the region's and England's different people are not counted, in words.
    const october = `${api.period.from.slice(0, 4)}-10-01`
    await page.getByLabel('Sessions starting from').fill(october)
    await page.getByRole('button', { name: 'Show figures for this period' }).click()
    await expectText(page.locator('#period-words'), 'Sessions starting from 1 October')
    expect((await row(totals, 'Different people')).slice(2)).toEqual(['not counted', 'not counted'])
    expect(await visibleText(page.locator('#sections'))).toContain(
      'Different people and settings of the region and England are not counted for this period',
    )

    await page.getByLabel('Sessions starting from').fill(api.period.to)
    await page.getByLabel('Up to and including').fill(api.period.from)
    await page.getByRole('button', { name: 'Show figures for this period' }).click()
    const summary = page.locator('#error-summary')
    await summary.getByRole('link').first().waitFor()
    expect(await summary.getByRole('link').first().getAttribute('href')).toBe('#to')
    expect(await page.title()).toMatch(/^Error: /)
    await expectAccessible(page)
  })
})
