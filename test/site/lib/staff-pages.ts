import { signInAs } from '@ey/local-stack'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
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

/** trainer-amira marks the booking present on the session's first part, through the register API. */
export async function markPresent(site: SiteUnderTest, sessionId: string, bookingId: string): Promise<void> {
  const trainer = await signInAs(site.stack.issuerUrl, 'trainer-amira')
  const res = await fetch(`${site.stack.webUrl}/api/trainer/sessions/${sessionId}/parts/0/register/changes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${trainer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      changes: [{ kind: 'mark', key: `m-${bookingId}`, subject: bookingId, mark: 'present' }],
    }),
  })
  expect(res.status).toBe(200)
}
