import type { NewBookingView, SessionView } from '@ey/contract'
import { describe, expect, it } from 'vitest'
import { bookThroughApi } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()

/** Books a seeded session with places through the API, as the booking form would. */
async function bookOpenSession(): Promise<NewBookingView> {
  const sessions: SessionView[] = (
    await (await fetch(`${site.stack.webUrl}/api/sessions?limit=100&available=true`)).json()
  ).items
  return bookThroughApi(site, sessions[0]?.id ?? '', { email: uniqueEmail('questionnaire') })
}

const fragment = (b: NewBookingView, kind?: string) =>
  new URLSearchParams({ id: b.id, token: b.manageToken, ...(kind ? { kind } : {}) }).toString()

describe('answering a questionnaire', () => {
  it('links an open questionnaire from the manage page, keeps answers over a reload, and names a missing one', async () => {
    const booked = await bookOpenSession()
    const page = await site.newPage({ width: 390 })

    await page.goto(`/manage#${fragment(booked)}`)
    const section = page.locator('#questionnaires')
    await expectText(section, 'Before your training')
    expect(await visibleText(section)).toContain('Not open yet')
    await expectAccessible(page)

    await page.getByRole('link', { name: /Answer now/ }).click()
    await expectText(page.locator('h1'), 'Before your training')
    await page
      .getByRole('group', { name: /How confident/ })
      .getByLabel('2', { exact: true })
      .check()
    await page.getByLabel(/What do you hope to learn/).fill('How to use signing')
    await page.reload()
    await expectText(page.locator('#questions'), 'How confident')
    expect(
      await page
        .getByRole('group', { name: /How confident/ })
        .getByLabel('2', { exact: true })
        .isChecked(),
    ).toBe(true)
    expect(await page.getByLabel(/What do you hope to learn/).inputValue()).toBe('How to use signing')

    await page.getByRole('button', { name: 'Send your answers' }).click()
    const summary = page.locator('#error-summary')
    await expectText(summary, 'Choose a rating from 1 to 5')
    expect(await page.title()).toMatch(/^Error: /)
    await expectAccessible(page)
    await summary.getByRole('link', { name: 'Choose a rating from 1 to 5' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answers.knowledge')

    await page
      .getByRole('group', { name: /knowledge/ })
      .getByLabel('5 – A great deal')
      .check()
    await page.getByRole('button', { name: 'Send your answers' }).click()
    await expectText(page.locator('#done'), 'Your answers have been sent')
    await expectAccessible(page)

    await page.reload()
    await expectText(page.locator('#unavailable'), 'You have already answered this questionnaire')
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([])
  })

  it('says when a questionnaire is not open yet', async () => {
    const booked = await bookOpenSession()
    const page = await site.newPage({ width: 390 })
    await page.goto(`/questionnaire/#${fragment(booked, 'post')}`)
    await expectText(page.locator('#unavailable'), 'This questionnaire opens')
    await expectAccessible(page)
  })
})
