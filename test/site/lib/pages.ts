import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { axeViolations } from '../support.ts'

/** The text a person sees in the element (Playwright's innerText, not the DOM's). */
// biome-ignore lint/performance/useDomNodeTextContent: this is Playwright's Locator, where hidden text must not count.
export const visibleText = (locator: Locator) => locator.innerText()

/**
 * Waits until the element is shown and its text contains `expected` (pages fill text in, and show
 * it, once the API answers). A hidden element's innerText is all its text, so shown is checked too.
 */
export async function expectText(locator: Locator, expected: string): Promise<void> {
  await expect
    .poll(async () => ((await locator.isVisible()) ? visibleText(locator) : ''), { timeout: 10_000 })
    .toContain(expected)
}

/** The page has no axe-core violations, one visible h1, and fits its screen without sideways scrolling. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([])
  expect(await page.locator('h1:visible').count()).toBe(1)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 320,
  )
}

/**
 * Picks a local authority in an LA picker as a person would: a click on the select turns it into
 * the autocomplete (loaded on first use), then typing `typed` and choosing `name` from the list.
 * Answers the autocomplete's text input.
 */
export async function chooseLa(page: Page, label: string, typed: string, name: string): Promise<Locator> {
  await page.getByLabel(label, { exact: true }).click()
  const input = page.locator('input.autocomplete__input').and(page.getByLabel(label, { exact: true }))
  await input.fill(typed)
  await page.getByRole('option', { name }).click()
  return input
}
