import { signInAs } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { staffPage } from './lib/staff-pages.ts'
import { useSite } from './support.ts'

const site = useSite()
const LEEDS = 'E08000035'

/** Downloads Leeds's attendee list of the autumn term through the API, as la-leeds. */
async function downloadAsLeedsOfficer(): Promise<void> {
  const token = await signInAs(site.stack.issuerUrl, 'la-leeds')
  const res = await fetch(
    `${site.stack.webUrl}/api/la/${LEEDS}/attendees.csv?from=2026-09-01&to=2026-12-31`,
    {
      headers: { Authorization: `Bearer ${token}` },
    },
  )
  expect(res.status).toBe(200)
  await res.arrayBuffer()
}

describe('the administrators’ audit log page', () => {
  it('lists a download with who, what, which LA and period, reached from the staff home', async () => {
    await downloadAsLeedsOfficer()

    const home = await staffPage(site, 'admin', { path: '/staff/' })
    await home.getByRole('link', { name: 'Audit log' }).click()
    await home.locator('#content').waitFor()
    const row = home.locator('#rows tr', { hasText: 'Priya Shah (Leeds)' }).first()
    await expectText(row, 'Downloaded the attendee list')
    const text = await visibleText(row)
    for (const part of ['Leeds', 'Tuesday 1 September 2026 to Thursday 31 December 2026', 'Not known']) {
      expect(text).toContain(part)
    }
    await expectAccessible(home)
  })

  it('lists a trainer opening a register, with the session and part linked to it', async () => {
    const token = await signInAs(site.stack.issuerUrl, 'trainer-amira')
    const headers = { Authorization: `Bearer ${token}` }
    const mine = await (await fetch(`${site.stack.webUrl}/api/trainer/sessions`, { headers })).json()
    const session = (mine as { upcoming: { id: string; title: string }[] }).upcoming[0]
    if (!session) throw new Error('trainer-amira has no upcoming session in the demo data')
    const register = await fetch(`${site.stack.webUrl}/api/trainer/sessions/${session.id}/parts/0/register`, {
      headers,
    })
    expect(register.status).toBe(200)

    const page = await staffPage(site, 'admin', { path: '/staff/admin/audit/' })
    await page.locator('#content').waitFor()
    const row = page.locator('#rows tr', { hasText: 'Opened a register' }).first()
    const link = row.getByRole('link', { name: `${session.title}, part 1` })
    expect(await link.getAttribute('href')).toBe(
      `/staff/sessions/register/?${new URLSearchParams({ id: session.id, part: '0' })}`,
    )
    expect(await visibleText(row)).toContain('Not applicable')
  })

  it('shows only the LA chosen in the filter, and keeps the choice', async () => {
    const page = await staffPage(site, 'admin', { path: '/staff/admin/audit/?la=E08000021' })
    await expectText(page.locator('#none'), 'Nothing was recorded in this period.')
    expect(await page.locator('#la').inputValue()).toBe('E08000021')
  })

  it('tells an LA officer the page is for administrators', async () => {
    const page = await staffPage(site, 'la-leeds', { path: '/staff/admin/audit/' })
    await expectText(page.locator('#error-text'), 'Your account is not an administrator’s.')
  })
})
