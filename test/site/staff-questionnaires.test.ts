import type { NewBookingView } from '@ey/contract'
import { createDynamoSessionStore } from '@ey/dynamodb'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { DAY, makeSession, partAt } from '../support/factories.ts'
import { adminPage } from './lib/admin-pages.ts'
import { bookThroughApi } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { markPresent } from './lib/staff-pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()

const NEW_WORDING = 'Is there anything else you would like to tell us?'

/**
 * A booking whose post questionnaire is open: booked while its session was ahead, the session then
 * moved to yesterday, and the booking marked present by its trainer.
 */
async function attendedBooking(): Promise<NewBookingView> {
  const table = stackTable(site.stack)
  const session = makeSession({
    id: 'editor-journey',
    parts: [partAt(new Date(Date.now() + 3 * DAY))],
    trainerIds: ['trainer-amira'],
  })
  await storeSessions(table, session)
  const booking = await bookThroughApi(site, session.id, { email: uniqueEmail('editor') })
  await createDynamoSessionStore(table).saveSession(
    { ...session, parts: [partAt(new Date(Date.now() - DAY))] },
    'published',
  )
  await markPresent(site, session.id, booking.id)
  return booking
}

describe('the questionnaire templates page', () => {
  // A long journey (a booking attended, four pages checked by axe, a practitioner's page): a loaded
  // machine needs more than the usual 30 s.
  it('edits the default post template: a new version appears and a booking’s questionnaire asks the new wording', async () => {
    const booking = await attendedBooking()
    const admin = await adminPage(site)
    await admin.goto('/staff/')
    await admin.getByRole('link', { name: 'Questionnaires' }).click()
    await admin.locator('#templates').waitFor()
    await expectAccessible(admin)

    await admin.getByRole('link', { name: 'After the session' }).click()
    await expectText(admin.locator('#facts'), '1 (current)')
    await expectAccessible(admin)
    await admin.getByRole('button', { name: 'Edit this template' }).click()
    await admin.locator('#template-form').waitFor()
    await expectAccessible(admin)

    // A mistake first: the error summary names the field and links to it.
    await admin.getByLabel('Name').fill('')
    await admin.getByRole('button', { name: 'Save as a new version' }).click()
    const summary = admin.locator('#error-summary')
    await expectText(summary, 'Enter a name for the template')
    expect(await admin.title()).toMatch(/^Error: /)
    await expectAccessible(admin)
    await summary.getByRole('link', { name: 'Enter a name for the template' }).click()
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('name')

    await admin.getByLabel('Name').fill('After the session')
    const comments = admin.locator('[id="items.6.text"]')
    expect(await comments.inputValue()).toBe('Any other comments?')
    await comments.fill(NEW_WORDING)
    await admin.getByRole('button', { name: 'Move up question 7' }).click()
    expect(await admin.locator('[id="items.5.text"]').inputValue()).toBe(NEW_WORDING)
    await admin.getByRole('button', { name: 'Save as a new version' }).click()
    await admin.waitForURL(/done=saved/)
    await expectText(admin.locator('#facts'), '2 (current)')
    expect(await visibleText(admin.locator('#versions'))).toContain('Version 1')
    expect(await visibleText(admin.locator('#questions'))).toContain(NEW_WORDING)

    await admin.getByRole('link', { name: 'Version 1' }).click()
    await admin.waitForURL(/version=1/)
    await expectText(admin.locator('#questions'), 'Any other comments?')
    expect(await admin.locator('#older').isVisible()).toBe(true)

    const practitioner = await site.newPage({ width: 390 })
    await practitioner.goto(
      `/questionnaire/#${new URLSearchParams({ id: booking.id, token: booking.manageToken, kind: 'post' })}`,
    )
    await expectText(practitioner.locator('#questions'), NEW_WORDING)
    expect(await visibleText(practitioner.locator('#questions'))).not.toContain('Any other comments?')
  }, 90_000)

  it('adds a template with a rating and a choice, and gives it to a course on the course’s page', async () => {
    const admin = await adminPage(site)
    await admin.goto('/staff/admin/questionnaires/edit/')
    await admin.locator('#template-form').waitFor()
    await admin.getByLabel('Pre (before the session)').check()
    await admin.getByLabel('Name').fill('Signing: before')
    await admin.locator('[id="items.0.text"]').fill('How confident are you signing?')
    await admin.locator('[id="items.0.type"]').selectOption('rating')
    await admin.locator('[id="items.0.lowLabel"]').fill('Not at all')
    await admin.locator('[id="items.0.highLabel"]').fill('Very')
    await admin.locator('[id="items.0.tag"]').selectOption('confidence')
    await admin.getByRole('button', { name: 'Add a question' }).click()
    await admin.locator('[id="items.1.text"]').fill('Where do you work?')
    await admin.locator('[id="items.1.type"]').selectOption('choice')
    await admin.locator('[id="items.1.options"]').fill('Nursery')
    await admin.getByRole('button', { name: 'Save template' }).click()
    await expectText(admin.locator('#error-summary'), 'Give at least 2 options')
    await expectAccessible(admin)
    await admin.locator('[id="items.1.options"]').fill('Nursery\nChildminder')
    await admin.getByRole('button', { name: 'Save template' }).click()
    await admin.waitForURL(/done=created/)
    await expectText(admin.locator('#questions'), 'How confident are you signing?')

    await admin.goto('/staff/admin/course/?id=slcn-core')
    await admin.locator('#course-form').waitFor()
    await admin.getByLabel('Pre (before the session)').selectOption({ label: 'Signing: before' })
    await admin.getByLabel('Days the post-session questionnaire stays open').fill('70')
    await admin.getByLabel('Days after the session the follow-up opens').fill('90')
    await admin.getByLabel('Days the follow-up questionnaire stays open').fill('14')
    await admin.getByRole('button', { name: 'Save course' }).click()
    await expectText(admin.locator('#error-summary'), 'stays open between 1 and 60 days')
    await expectAccessible(admin)
    await admin.getByLabel('Days the post-session questionnaire stays open').fill('21')
    await admin.getByRole('button', { name: 'Save course' }).click()
    await admin.waitForURL(/done=course-saved/)

    await admin.goto('/staff/admin/questionnaires/')
    await admin.locator('#templates').waitFor()
    const row = admin.locator('tr', { hasText: 'Signing: before' })
    expect(await visibleText(row)).toContain('Speech, language and communication')
    await admin.goto('/staff/admin/course/?id=slcn-core')
    await admin.locator('#course-form').waitFor()
    expect(await admin.getByLabel('Days the post-session questionnaire stays open').inputValue()).toBe('21')
  })
})
