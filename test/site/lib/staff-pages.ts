import { signInAs } from '@ey/local-stack'
import type { Page } from 'playwright-core'
import type { SiteUnderTest } from '../support.ts'

/**
 * A page signed in as a demo staff member (`admin`, `trainer-amira`, ...): the token from the local
 * issuer, kept where sign-in keeps it (sessionStorage), then `path` reloaded with it.
 */
export async function staffPage(
  site: SiteUnderTest,
  username: string,
  { width = 390, path = '/staff/sessions/' }: { width?: number; path?: string } = {},
): Promise<Page> {
  const token = await signInAs(site.stack.issuerUrl, username)
  const page = await site.newPage({ width })
  await page.goto(path)
  await page.evaluate((value) => sessionStorage.setItem('staff-id-token', value), token)
  await page.reload()
  return page
}

/** One booked person's row on the trainer's register. */
export const registerRow = (page: Page, name: string) =>
  page.locator('.app-register__person', { hasText: name })
