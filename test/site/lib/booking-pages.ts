import type { SentEmail } from '@ey/local-stack'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { chooseLa } from './pages.ts'

/** Fills the public booking form as a person would (a childminder in Leeds), choosing the LA in the autocomplete. */
export async function fillBookingForm(page: Page, email: string, name = 'Ada Lovelace'): Promise<void> {
  await page.getByLabel('Full name').fill(name)
  await page.getByLabel('Email address').fill(email)
  await page.locator('#role-childminder').check()
  await page.getByLabel('Name of your setting').fill('Little Acorns')
  await page.locator('#settingType-childminder').check()
  const la = await chooseLa(page, 'Local authority', 'Leed', 'Leeds')
  expect(await la.inputValue()).toBe('Leeds')
}

/** The manage link (with its token) in a booking email's text, as the person would follow it. */
export function manageLinkIn(email: SentEmail | undefined): string {
  return email?.body.text?.match(/https?:\/\/\S+\/manage\S*#id=\S+/)?.[0] ?? ''
}
