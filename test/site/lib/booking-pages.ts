import type { BookingView, NewBookingView } from '@ey/contract'
import type { Person } from '@ey/domain'
import type { SentEmail } from '@ey/local-stack'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { makePerson } from '../../support/factories.ts'
import type { SiteUnderTest } from '../support.ts'
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

/**
 * Books through the API as the booking form does (202, with nothing in the answer to manage the
 * booking by), then opens the booking from the link in its email, as the person would: the id and
 * token of that link, and what `GET /api/bookings/{id}` says of it.
 */
export async function bookThroughApi(
  site: SiteUnderTest,
  sessionId: string,
  person: Partial<Person> & { email: string },
): Promise<NewBookingView> {
  const res = await fetch(`${site.stack.webUrl}/api/sessions/${sessionId}/bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(makePerson(person)),
  })
  expect(res.status).toBe(202)
  const [email] = await site.emailsTo(person.email)
  const link = manageLinkIn(email)
  const fragment = new URLSearchParams(new URL(link).hash.slice(1))
  const id = fragment.get('id') ?? ''
  const manageToken = fragment.get('token') ?? ''
  const view = (await (
    await fetch(`${site.stack.webUrl}/api/bookings/${id}`, {
      headers: { Authorization: `Bearer ${manageToken}` },
    })
  ).json()) as BookingView
  return {
    id,
    reference: view.reference,
    sessionId: view.sessionId,
    status: view.status,
    ...(view.waitlistPosition === undefined ? {} : { waitlistPosition: view.waitlistPosition }),
    manageToken,
    manageUrl: link,
  }
}
