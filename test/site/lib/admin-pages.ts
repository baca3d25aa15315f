import { REMINDER_LEAD_CHOICES, reminderLeadLabel } from '@ey/presentation'
import type { Page } from 'playwright-core'
import type { SiteUnderTest } from '../support.ts'
import { staffPage } from './staff-pages.ts'

/** A page signed in as the demo administrator, on the administrators' home. */
export function adminPage(site: SiteUnderTest, width = 390): Promise<Page> {
  return staffPage(site, 'admin', { width, path: '/staff/admin/' })
}

/** The London calendar date (YYYY-MM-DD) of the first Tuesday at least `days` days from now. */
export function tuesdayAfter(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

export interface ScheduledCourse {
  title: string
  /** Each part's London date (YYYY-MM-DD); every part runs 16:00 to 18:00. */
  dates: string[]
  capacity?: number
  trainers?: string[]
  /** The reminder emails to tick, by label (`2 days before`); the form's defaults when absent. */
  reminders?: string[]
}

/**
 * Schedules and publishes an online twilight course of the seeded `slcn-core` course through the
 * administrators' pages, one part per date, from 16:00 to 18:00 London time. Answers the new
 * session's id (read from the list's "Change" link).
 */
export async function scheduleThroughPages(page: Page, course: ScheduledCourse): Promise<string> {
  await page.goto('/staff/admin/session/')
  await page.locator('#session-form').waitFor()
  await page.getByLabel('Course').selectOption('slcn-core')
  await page.getByLabel('Title (optional)').fill(course.title)
  for (const [i, date] of course.dates.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add another part' }).click()
    const [year = '', month = '', day = ''] = date.split('-')
    await page.locator(`[id="parts.${i}.date"]`).fill(String(Number(day)))
    await page.locator(`[id="parts.${i}.date-month"]`).fill(String(Number(month)))
    await page.locator(`[id="parts.${i}.date-year"]`).fill(year)
    await page.locator(`[id="parts.${i}.startTime"]`).fill('16:00')
    await page.locator(`[id="parts.${i}.endTime"]`).fill('18:00')
  }
  await page.getByLabel('Online', { exact: true }).check()
  await page.getByLabel('Online joining link (optional)').fill('https://meet.example.org/j/twilight')
  await page.getByLabel('Number of places').fill(String(course.capacity ?? 12))
  await page.getByLabel('Trainers (optional)').fill((course.trainers ?? ['trainer-amira']).join(', '))
  for (const label of course.reminders ? REMINDER_LEAD_CHOICES.map(reminderLeadLabel) : []) {
    await page.getByLabel(label, { exact: true }).setChecked(course.reminders?.includes(label) ?? false)
  }
  await page.getByLabel('Yes, list it and take bookings').check()
  await page.getByRole('button', { name: 'Save session' }).click()
  await page.waitForURL(/\/staff\/admin\/\?done=created/)
  return new URL(page.url()).searchParams.get('id') ?? ''
}
