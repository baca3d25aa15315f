import { describe, expect, it } from 'vitest'
import { adminPage, scheduleThroughPages, tuesdayAfter } from './lib/admin-pages.ts'
import { fillBookingForm, manageLinkIn } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { registerRow, staffPage } from './lib/staff-pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()

describe('a two-part twilight course from scheduling to attendance', () => {
  it('is scheduled by an administrator, booked by a practitioner, marked by its trainer on a 390 px phone, and the attendance shows on the manage page', async () => {
    const title = 'Twilight SLCN journey (two evenings)'

    // The administrator schedules it through the pages and assigns trainer-amira.
    const admin = await adminPage(site)
    const sessionId = await scheduleThroughPages(admin, {
      title,
      dates: [tuesdayAfter(30), tuesdayAfter(37)],
      trainers: ['trainer-amira'],
    })
    expect(sessionId).not.toBe('')
    await admin.close()

    // A practitioner books it on the public site and follows the manage link in the confirmation email.
    const practitioner = await site.newPage({ width: 390 })
    const email = uniqueEmail('staff-journey')
    await practitioner.goto(`/session/?id=${sessionId}`)
    await expectText(practitioner.locator('h1'), title)
    await practitioner.getByRole('button', { name: 'Book a place' }).click()
    await practitioner.waitForURL(/\/book\//)
    await fillBookingForm(practitioner, email)
    await practitioner.getByRole('button', { name: 'Book a place' }).click()
    await practitioner.waitForURL(/\/booked\//)
    const [confirmation] = await site.emailsTo(email)
    expect(confirmation?.subject).toContain(title)
    const manageLink = manageLinkIn(confirmation)
    expect(manageLink).toContain('token=')

    // The assigned trainer finds it in "My sessions" and marks each part's register on a phone.
    const trainer = await staffPage(site, 'trainer-amira', { width: 390 })
    const card = trainer.locator('.govuk-summary-card', { hasText: title })
    await card.waitFor()
    await card.getByRole('link', { name: /Register for part 1/ }).click()
    await expectText(trainer.locator('#booked-heading'), 'Booked (1)')
    await registerRow(trainer, 'Ada Lovelace').getByLabel('Present').check()
    await expectText(trainer.locator('#sync'), 'All changes saved')
    await expectAccessible(trainer)

    await trainer.getByRole('link', { name: /^Part 2/ }).click()
    await expectText(trainer.locator('#booked-heading'), 'Booked (1)')
    await registerRow(trainer, 'Ada Lovelace').getByLabel('Late').check()
    await expectText(trainer.locator('#sync'), 'All changes saved')
    await expectAccessible(trainer)

    // The practitioner's manage page shows both parts.
    await practitioner.goto(manageLink)
    await expectText(practitioner.locator('#attendance'), 'Part 2')
    const rows = practitioner.locator('#attendance-summary .govuk-summary-list__row')
    const marks = await rows.evaluateAll((elements) =>
      elements.map((row) => [
        row.querySelector('.govuk-summary-list__key')?.textContent?.trim().replace(/,.*$/, ''),
        row.querySelector('.govuk-summary-list__value')?.textContent?.trim(),
      ]),
    )
    expect(marks).toEqual([
      ['Part 1', 'Attended'],
      ['Part 2', 'Attended (arrived late)'],
    ])
    expect(await visibleText(practitioner.locator('#attendance'))).toContain('You completed this course.')
    await expectAccessible(practitioner)
  })
})
