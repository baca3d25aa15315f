import { describe, expect, it } from 'vitest'
import { expectAccessible, expectText } from './lib/pages.ts'
import { staffPage } from './lib/staff-pages.ts'
import { useSite } from './support.ts'

const site = useSite()

describe('the administrators’ subject access page', () => {
  it('is reached from the staff home, asks for the address, and erases only after the warning is confirmed', async () => {
    const page = await staffPage(site, 'admin', { path: '/staff/' })
    await page.getByRole('link', { name: 'Subject access' }).click()
    await page.getByRole('button', { name: 'Erase everything held' }).click()
    await expectText(page.locator('#error-summary'), 'Enter their email address')

    await page.getByLabel('Their email address').fill('nobody-held@example.org')
    await page.getByRole('button', { name: 'Erase everything held' }).click()
    await expectText(page.locator('#confirm'), 'nobody-held@example.org')
    expect(await page.locator('#done').isHidden()).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Yes, erase everything' }).click()
    await expectText(
      page.locator('#done'),
      'Everything held about nobody-held@example.org has been erased: 0 bookings, 0 alerts, 0 emails.',
    )
    expect(await page.locator('#confirm').isHidden()).toBe(true)
  })
})
