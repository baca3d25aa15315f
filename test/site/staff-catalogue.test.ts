import type { CourseView } from '@ey/contract'
import { describe, expect, it } from 'vitest'
import { adminPage } from './lib/admin-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { useSite } from './support.ts'

const site = useSite()

describe('the administrators’ course and partner pages', () => {
  it('add a partner and a course, name a wrong value by its field, then change the course on the public catalogue', async () => {
    const run = crypto.randomUUID().slice(0, 6)
    const partnerName = `Little Voices Trust ${run}`
    const title = `Makaton for babies ${run}`
    const admin = await adminPage(site)
    await admin.goto('/staff/')
    await admin.getByRole('link', { name: 'Courses and partners' }).click()
    await admin.locator('#catalogue').waitFor()
    await expectAccessible(admin)

    await admin.getByRole('button', { name: 'Add a partner' }).click()
    await admin.getByLabel('Name of the organisation').fill(partnerName)
    await admin.getByLabel('Website (optional)').fill('https://little-voices.example.org')
    await admin.getByRole('button', { name: 'Save partner' }).click()
    await admin.waitForURL(/done=partner-created/)
    await expectText(admin.locator('#partner-rows'), partnerName)

    await admin.getByRole('button', { name: 'Add a course' }).click()
    await admin.locator('#course-form').waitFor()
    await admin.getByLabel('Title').fill(title)
    await admin.getByLabel('Summary').fill('Signs and symbols for the youngest children.')
    await admin.getByLabel('Signing (Makaton)').check()
    await admin.getByLabel('Communication and language').check()
    await admin.getByLabel('Early years practitioners', { exact: true }).check()
    await admin.getByLabel('Introductory').check()
    await admin.getByLabel('CPD hours').fill('lots')
    await admin.getByLabel('Partner organisation').selectOption({ label: partnerName })
    await admin.getByRole('button', { name: 'Save course' }).click()

    await admin.locator('#error-summary').waitFor()
    expect(await admin.title()).toMatch(/^Error: /)
    await admin.getByRole('link', { name: 'Enter CPD hours as a number, like 2 or 2.5' }).click()
    expect(await admin.locator('#cpdHours').evaluate((element) => element === document.activeElement)).toBe(
      true,
    )
    expect(await visibleText(admin.locator('#cpdHours-error'))).toContain('Enter CPD hours as a number')
    await expectAccessible(admin)
    await admin.getByLabel('CPD hours').fill('2')
    await admin.getByRole('button', { name: 'Save course' }).click()
    await admin.waitForURL(/done=course-created/)
    const id = new URL(admin.url()).searchParams.get('id') ?? ''

    await admin.getByRole('link', { name: `Change ${title}` }).click()
    await admin.locator('#course-form').waitFor()
    expect(await admin.getByLabel('Signing (Makaton)').isChecked()).toBe(true)
    expect(await visibleText(admin.locator('#partnerId option:checked'))).toBe(partnerName)
    await admin.getByLabel('Summary').fill('Signs, symbols and songs for babies and toddlers.')
    await admin.getByLabel('CPD hours').fill('2.5')
    await admin.getByRole('button', { name: 'Save course' }).click()
    await admin.waitForURL(/done=course-saved/)
    expect(await visibleText(admin.locator('#done-text'))).toBe('Course saved')

    const course = (await (await fetch(`${site.stack.webUrl}/api/courses/${id}`)).json()) as CourseView
    expect(course).toMatchObject({
      title,
      summary: 'Signs, symbols and songs for babies and toddlers.',
      topics: ['communication-and-language', 'signing'],
      audience: 'practitioners',
      level: 'introductory',
      cpdHours: 2.5,
      completion: { kind: 'all-parts' },
      partner: { name: partnerName, website: 'https://little-voices.example.org' },
    })
  })
})
