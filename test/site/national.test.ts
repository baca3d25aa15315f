import { readFileSync } from 'node:fs'
import type { NationalSummary } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import { DISTRICT_HEXES, localAuthority } from '@ey/reference-data'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { staffPage } from './lib/staff-pages.ts'
import { useSite } from './support.ts'

const site = useSite()
/** A loaded machine takes its time over the demo's bookings and a page of 296 hexes. */
const SLOW = 90_000

// The stream brings the demo's bookings into the aggregates after the stack starts.
beforeAll(() => site.stack.drainTakeUp(170_000), 180_000)

/** The national picture as the API gives it to an administrator (this academic year). */
async function nationalSummary(): Promise<NationalSummary> {
  const token = await signInAs(site.stack.issuerUrl, 'admin')
  const response = await fetch(`${site.stack.webUrl}/api/admin/national`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as NationalSummary
}

describe('the national picture page', () => {
  it(
    'shows an administrator at 390 px the map of England, one hex per district, each reachable by keyboard',
    async () => {
      const summary = await nationalSummary()
      const page = await staffPage(site, 'admin', { path: '/staff/admin/national/' })
      await page.locator('#content').waitFor()
      expect(await page.locator('.app-hexmap__hex').count()).toBe(DISTRICT_HEXES.length)
      expect(await visibleText(page.locator('#headline'))).toContain(
        `${summary.las.represented} of 153 (${summary.las.share}%)`,
      )

      // The link before the map, then Tab: the first district's hex, read out with its LA's figures.
      await page.getByRole('link', { name: 'Skip the map to the table of every local authority' }).focus()
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.la)
      const first = DISTRICT_HEXES[0]
      expect(focused).toBe(first?.laCode)
      const la = summary.byLa.find((row) => row.code === first?.laCode)
      const places = la?.bookings === 1 ? '1 place' : `${la?.bookings} places`
      await expectText(
        page.locator('#map-readout'),
        `${localAuthority(first?.laCode ?? '')?.name}: ${places} booked, ${la?.attendances} attended`,
      )
      await expectAccessible(page)
    },
    SLOW,
  )

  it(
    'gives every LA’s figures in the table beside the map, the LA with most places booked coloured darkest',
    async () => {
      const summary = await nationalSummary()
      const top = [...summary.byLa].sort((a, b) => b.bookings - a.bookings)[0]
      expect(top?.bookings).toBeGreaterThan(0)
      const page = await staffPage(site, 'admin', { path: '/staff/admin/national/' })
      await page.locator('#content').waitFor()
      expect(await page.locator('#la-rows tr').count()).toBe(153)
      const row = page.locator('#la-rows tr', {
        has: page.locator('th', { hasText: new RegExp(`^${top?.name}$`) }),
      })
      expect(await visibleText(row)).toContain(String(top?.bookings))
      const fills = await page
        .locator(`.app-hexmap__hex[data-la="${top?.code}"] polygon`)
        .evaluateAll((polygons) => polygons.map((polygon) => polygon.getAttribute('fill')))
      expect(new Set(fills)).toEqual(new Set(['#0f385c']))

      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download every local authority’s figures (CSV)' }).click(),
      ])
      const { from, to } = summary.period
      expect(file.suggestedFilename()).toBe(`E92000001-england-${from}-${to}-national.csv`)
      const lines = readFileSync((await file.path()) ?? '', 'utf8')
        .split('\r\n')
        .filter(Boolean)
      expect(lines).toHaveLength(154)
      expect(lines.find((line) => line.startsWith(`${top?.code},`))).toContain(`,${top?.bookings},`)
    },
    SLOW,
  )

  it('tells an LA officer the page is for administrators, with no figures', async () => {
    const page = await staffPage(site, 'la-leeds', { path: '/staff/admin/national/' })
    await expectText(page.locator('#error-text'), 'Your account is not an administrator’s.')
    expect(await page.locator('#content').isVisible()).toBe(false)
  })
})
