import type { ResultsView } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { staffPage } from './lib/staff-pages.ts'
import { useSite } from './support.ts'

const site = useSite()

/** Last term's seeded session `past-02`, trained by trainer-chloe. */
const SESSION = 'past-02'

async function resultsAs(username: string, query: Record<string, string>): Promise<ResultsView> {
  const res = await fetch(`${site.stack.webUrl}/api/staff/results?${new URLSearchParams(query)}`, {
    headers: { Authorization: `Bearer ${await signInAs(site.stack.issuerUrl, username)}` },
  })
  expect(res.status).toBe(200)
  return res.json()
}

/** The cells of a table's row whose heading is `heading`. */
async function row(table: Locator, heading: string): Promise<string[]> {
  const cells = table.locator('tr', { has: table.page().locator(`th[scope="row"]`, { hasText: heading }) })
  return (await cells.first().locator('th, td').allInnerTexts()).map((text) => text.trim())
}

const figure = (value: number | 'c' | null, unit = '') => (value === null ? 'none' : `${value}${unit}`)

describe('the results pages', () => {
  it('show a trainer their session’s results, as the API answers them, with charts and free text', async () => {
    const api = await resultsAs('trainer-chloe', { sessionId: SESSION })
    const page = await staffPage(site, 'trainer-chloe')
    await page.locator(`#past a[href="/staff/sessions/results/?id=${SESSION}"]`).click()
    await expectText(page.locator('#sections'), 'Responses')

    const responses = page.getByRole('table', { name: /Questionnaires answered/ })
    expect(await row(responses, 'Before the session')).toEqual([
      'Before the session',
      figure(api.responses.pre),
      figure(api.answerable.pre),
      figure(api.responseRates.pre, '%'),
    ])
    expect(await visibleText(page.locator('#matched'))).toContain(`matched pairs): ${api.responses.matched}.`)
    const confidence = api.ratings.find((rating) => rating.tag === 'confidence')
    expect(confidence && Number(confidence.n)).toBeGreaterThan(0)
    const ratings = page.getByRole('table', { name: 'Ratings before and after, on matched pairs' })
    expect(await row(ratings, 'Confidence')).toEqual([
      'Confidence',
      figure(confidence?.n ?? null),
      figure(confidence?.meanBefore ?? null),
      figure(confidence?.meanAfter ?? null),
      `${Number(confidence?.meanChange) > 0 ? '+' : ''}${confidence?.meanChange}`,
      figure(confidence?.share45Before ?? null, '%'),
      figure(confidence?.share45After ?? null, '%'),
    ])
    const spread = page.getByRole('table', {
      name: 'Confidence: how many gave each rating, before and after',
    })
    expect(await row(spread, '5')).toEqual([
      '5',
      figure(confidence?.distributionBefore[4] ?? null),
      figure(confidence?.distributionAfter[4] ?? null),
    ])
    expect(await page.locator('svg.app-chart').count()).toBeGreaterThanOrEqual(2)
    expect(await visibleText(page.locator('#sections'))).toContain('In their own words')
    await expectAccessible(page)
  })

  it('tell a trainer of another session that its results are not theirs', async () => {
    const page = await staffPage(site, 'trainer-amira')
    await page.goto(`/staff/sessions/results/?id=${SESSION}`)
    await expectText(page.locator('#error'), 'You cannot see these results.')
    expect(await visibleText(page.locator('#error'))).toContain(
      'Only the trainers of this session and administrators can see them.',
    )
    expect(await page.locator('#results').isHidden()).toBe(true)
    await expectAccessible(page)
  })

  it('show an administrator a course’s results over a period they choose, linked from the course page', async () => {
    const page = await staffPage(site, 'admin', { width: 1024, path: '/staff/admin/course/?id=slcn-core' })
    await page.getByRole('link', { name: 'See this course’s questionnaire results' }).click()
    await expectText(page.locator('#summary'), 'sessions in this period')
    await expectAccessible(page)

    const to = await page.getByLabel('Up to and including').inputValue()
    await page.getByLabel('Sessions starting from').fill(to)
    await page.getByRole('button', { name: 'Show results for this period' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(to)
    const api = await resultsAs('admin', { courseId: 'slcn-core', from: to, to })
    await expectText(page.locator('#summary'), `${api.sessions} session`)
  })
})
