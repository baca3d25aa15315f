import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { chooseLa, expectAccessible, visibleText } from './lib/pages.ts'
import { useSite } from './support.ts'

const site = useSite()

/** Goes through the local issuer as a real browser does: the chooser stands in for Cognito's password form. */
async function signIn(page: Page, name: string): Promise<void> {
  await page.goto('/staff/')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.origin === site.stack.issuerUrl)
  await page.getByLabel(name).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { level: 1, name: 'Staff home' }).waitFor()
}

describe('staff sign-in', () => {
  it('asks to sign in, with no staff links, when nobody is signed in', async () => {
    const page = await site.newPage({ width: 390 })
    await page.goto('/staff/')
    await page.getByRole('heading', { level: 1, name: 'Sign in to staff pages' }).waitFor()
    expect(await page.getByRole('link', { name: 'My sessions' }).count()).toBe(0)
    await expectAccessible(page)
  })

  it('signs an administrator in with the code flow and shows the administrator’s home', async () => {
    const page = await site.newPage({ width: 390 })
    await signIn(page, 'Ada Administrator')
    expect(new URL(page.url()).search).toBe('')
    expect(await visibleText(page.locator('main'))).toContain(
      'Signed in as Ada Administrator (Administrator)',
    )
    await page.getByRole('link', { name: 'Sessions' }).waitFor()
    await expectAccessible(page)
    // The token is the tab's alone: sessionStorage, never a cookie or localStorage.
    expect(await page.context().cookies()).toEqual([])
    expect(await page.evaluate(() => localStorage.length)).toBe(0)
    expect(await page.evaluate(() => sessionStorage.getItem('staff-id-token'))).toMatch(/^ey/)
  })

  it('shows a trainer their sessions and not the administrators’ pages', async () => {
    const page = await site.newPage({ width: 390 })
    await signIn(page, 'Amira Khan')
    expect(await visibleText(page.locator('main'))).toContain('Signed in as Amira Khan (Trainer)')
    await page.getByRole('link', { name: 'My sessions' }).waitFor()
    expect(await page.getByRole('link', { name: 'Sessions', exact: true }).count()).toBe(0)
    await expectAccessible(page)
  })

  it('shows an LA officer the LAs they can see', async () => {
    const page = await site.newPage()
    await signIn(page, 'Tom Robson (North East)')
    expect(await visibleText(page.locator('main'))).toContain('Newcastle upon Tyne, Gateshead, Sunderland')
  })

  it('signs out: the token is gone and the sign-in page says so', async () => {
    const page = await site.newPage()
    await signIn(page, 'Ben Okafor')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('You have signed out.').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('staff-id-token'))).toBeNull()
    await expectAccessible(page)
  })

  it('lets an administrator invite an LA officer, who can then sign in with their LA scope', async () => {
    const admin = await site.newPage({ width: 390 })
    await signIn(admin, 'Ada Administrator')
    await admin.getByRole('link', { name: 'Staff', exact: true }).click()
    await admin.getByRole('table').getByText('trainer-amira').waitFor()
    await expectAccessible(admin)

    await admin.getByLabel('Full name').fill('Olu Officer')
    await admin.getByLabel('Username').fill('la-olu')
    await admin.getByLabel('Email address').fill('olu@staff.example.org')
    await admin.getByLabel('LA officer', { exact: true }).check()
    await admin.getByRole('button', { name: 'Send invitation' }).click()
    await admin.getByText('Choose the local authorities an LA officer may see').first().waitFor()
    await expectAccessible(admin)

    await chooseLa(admin, 'Local authorities an LA officer may see', 'Leeds', 'Leeds')
    await admin.getByRole('button', { name: 'Add local authority' }).click()
    await admin.getByRole('button', { name: 'Send invitation' }).click()
    await admin.getByText('Olu Officer has been invited as la-olu.').waitFor()
    await admin.getByRole('table').getByText('la-olu').waitFor()

    const officer = await site.newPage()
    await signIn(officer, 'Olu Officer')
    expect(await visibleText(officer.locator('main'))).toContain('You can see data of: Leeds.')
  })
})
