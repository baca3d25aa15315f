import { readFile } from 'node:fs/promises'
import type { NewBookingView } from '@ey/contract'
import type { Course, Session } from '@ey/domain'
import { signInAs } from '@ey/local-stack'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { DAY, HOUR, MINUTE, makeCourse, makeSession, makeVenue, partAt } from '../support/factories.ts'
import { pdfText } from '../support/pdf-text.ts'
import { bookThroughApi } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { markPresent, registerRow, staffPage } from './lib/staff-pages.ts'
import { travellingClock, uniqueEmail, useSite } from './support.ts'

// The journey at the end of this file moves the stack's clock through a session's days, so it runs last.
const clock = travellingClock()
const site = useSite({ clock })

const COURSE = 'Sensory play for every child'
const CODE = /[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/

/** Adds a course through the administrators' API and stores one session of it, run by trainer-amira. */
async function scheduleCourse(course: Course, session: Partial<Session>): Promise<void> {
  const admin = await signInAs(site.stack.issuerUrl, 'admin')
  const res = await fetch(`${site.stack.webUrl}/api/admin/courses`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(course),
  })
  expect(res.status).toBe(201)
  await storeSessions(
    stackTable(site.stack),
    makeSession({ courseId: course.id, title: course.title, trainerIds: ['trainer-amira'], ...session }),
  )
}

/** A course that offers its certificate on attendance alone, with a session in 3 days. */
async function scheduleCourseCertifiedOnAttendance(sessionId: string): Promise<void> {
  await scheduleCourse(makeCourse({ id: 'sensory-play', title: COURSE, certificateOn: 'attendance' }), {
    id: sessionId,
    parts: [partAt(new Date(Date.now() + 3 * 86_400_000))],
  })
}

async function book(sessionId: string, name: string): Promise<NewBookingView> {
  return bookThroughApi(site, sessionId, { name, email: uniqueEmail('certificate') })
}

describe('certificates of attendance', () => {
  it('are downloaded from the manage page once attended, and their code checks on /verify/', async () => {
    await scheduleCourseCertifiedOnAttendance('certificate-journey')
    const ada = await book('certificate-journey', 'Ada Lovelace')
    const page = await site.newPage({ width: 390 })
    await page.goto(`/manage#${new URLSearchParams({ id: ada.id, token: ada.manageToken })}`)
    await expectText(
      page.locator('#certificate'),
      'Your certificate will be here once your attendance is recorded.',
    )
    await expectAccessible(page)

    await markPresent(site, 'certificate-journey', ada.id)
    await page.reload()
    const button = page.getByRole('button', { name: 'Download your certificate (PDF)' })
    await button.waitFor()
    await expectAccessible(page)
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(download.suggestedFilename()).toMatch(/^certificate-[0-9A-F-]{14}\.pdf$/)
    const text = await pdfText(await readFile(await download.path()))
    expect(text).toContain('Ada Lovelace')
    expect(text).toContain(COURSE)
    await expectText(page.locator('#certificate-status'), 'Certificate downloaded.')

    const code = CODE.exec(text)?.[0] ?? ''
    const printed = /Check it at (\S+)/.exec(text)?.[1] ?? ''
    expect(printed).toBe(`${site.stack.webUrl}/verify/?code=${code}`)

    await page.goto('/verify/')
    await page.getByRole('button', { name: 'Check the code' }).click()
    const summary = page.locator('#error-summary')
    await expectText(summary, 'Enter the certificate code')
    await expectAccessible(page)
    await summary.getByRole('link', { name: 'Enter the certificate code' }).click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('code')

    await page.getByLabel('Certificate code').fill(` ${code.toLowerCase().replaceAll('-', ' ')} `)
    await page.getByRole('button', { name: 'Check the code' }).click()
    const found = page.locator('#found')
    await expectText(found, 'Ada Lovelace')
    expect(await page.locator('#error-summary').isHidden()).toBe(true)
    const rows = await found.locator('.govuk-summary-list__key').allInnerTexts()
    expect(rows).toEqual(['Name', 'Course', 'Date'])
    expect(await visibleText(found)).toContain(COURSE)
    await expectAccessible(page)

    await page.goto(new URL(printed).pathname + new URL(printed).search)
    await expectText(page.locator('#found'), COURSE)
    expect(await page.getByLabel('Certificate code').inputValue()).toBe(code)
  })

  it('waits for the post questionnaire on a course that asks for it, saying so', async () => {
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: 'certificate-after-post',
        parts: [partAt(new Date(Date.now() + 3 * 86_400_000))],
        trainerIds: ['trainer-amira'],
      }),
    )
    const mary = await book('certificate-after-post', 'Mary Somerville')
    await markPresent(site, 'certificate-after-post', mary.id)
    const page = await site.newPage({ width: 390 })
    await page.goto(`/manage#${new URLSearchParams({ id: mary.id, token: mary.manageToken })}`)
    await expectText(
      page.locator('#certificate'),
      'Answer the post-session questionnaire to get your certificate.',
    )
    expect(await page.getByRole('button', { name: /Download your certificate/ }).count()).toBe(0)
    await expectAccessible(page)
  })

  it('says when no certificate has the code', async () => {
    const page = await site.newPage({ width: 390 })
    await page.goto('/verify/')
    await page.getByLabel('Certificate code').fill('0000-0000-0000')
    await page.getByRole('button', { name: 'Check the code' }).click()
    await expectText(page.locator('#not-found'), 'We could not find a certificate with that code')
    expect(await page.locator('#found').isHidden()).toBe(true)
    await expectAccessible(page)
  })
})

const JOURNEY_COURSE = 'Understanding autism in the early years'
const SESSION = 'questionnaire-journey'

/** A course that gives its certificate once the post questionnaire is answered (the default), in person. */
async function scheduleJourneySession(startsAt: Date): Promise<void> {
  await scheduleCourse(makeCourse({ id: 'autism-early-years', title: JOURNEY_COURSE }), {
    id: SESSION,
    parts: [partAt(startsAt, 90)],
    format: 'in-person',
    venue: makeVenue(),
  })
}

/** Chooses a rating by its number in the question's group of radios. */
async function rate(page: Page, question: RegExp, rating: number): Promise<void> {
  const group = page.getByRole('group', { name: question })
  await group.locator(`input[type=radio][value="${rating}"]`).check()
}

/** Opens the manage page's link to the questionnaire headed `heading`, as the practitioner would. */
async function openQuestionnaire(page: Page, booked: NewBookingView, heading: string): Promise<void> {
  await page.goto(`/manage#${new URLSearchParams({ id: booked.id, token: booked.manageToken })}`)
  await expectText(page.locator('#questionnaires'), heading)
  await expectAccessible(page)
  await page.getByRole('link', { name: /Answer now/ }).click()
  await expectText(page.locator('h1'), heading)
  await expectAccessible(page)
}

describe('a practitioner’s questionnaires, from booking to a verified certificate', () => {
  it('answers pre, is marked present, answers post, downloads the certificate and checks its code, on a 390 px phone', async () => {
    const startsAt = new Date(clock.now().getTime() + 2 * DAY)
    await scheduleJourneySession(startsAt)
    const ada = await book(SESSION, 'Ada Lovelace')
    const page = await site.newPage({ width: 390 })

    // Before the session: the pre questionnaire, opened from the manage page.
    await openQuestionnaire(page, ada, 'Before your training')
    await rate(page, /How confident/, 2)
    await rate(page, /knowledge/, 3)
    await page.getByLabel(/What do you hope to learn/).fill('How to support a child who does not speak yet')
    await page.getByRole('button', { name: 'Send your answers' }).click()
    await expectText(page.locator('#done'), 'Your answers have been sent')
    await expectAccessible(page)

    // At the venue, ten minutes in: the trainer marks Ada present on the register.
    clock.travel(startsAt.getTime() + 10 * MINUTE - clock.now().getTime())
    const trainer = await staffPage(site, 'trainer-amira', {
      path: `/staff/sessions/register/?id=${SESSION}&part=0`,
    })
    await expectText(trainer.locator('#booked-heading'), 'Booked (1)')
    await registerRow(trainer, 'Ada Lovelace').getByLabel('Present').check()
    await expectText(trainer.locator('#sync'), 'All changes saved')
    await expectAccessible(trainer)

    // An hour after the end: the post questionnaire is open, and the certificate waits for it.
    clock.travel(startsAt.getTime() + 90 * MINUTE + HOUR - clock.now().getTime())
    await page.goto(`/manage#${new URLSearchParams({ id: ada.id, token: ada.manageToken })}`)
    await expectText(
      page.locator('#certificate'),
      'Answer the post-session questionnaire to get your certificate.',
    )
    await openQuestionnaire(page, ada, 'After your training')
    await rate(page, /How confident/, 5)
    await rate(page, /knowledge/, 4)
    for (const question of [/useful/, /informative/, /recommend/]) {
      await page.getByRole('group', { name: question }).getByLabel('Yes', { exact: true }).check()
    }
    await page.getByLabel(/What will you do differently/).fill('Use visual timetables at tidy-up time')
    await page.getByRole('button', { name: 'Send your answers' }).click()
    await expectText(page.locator('#done'), 'Your answers have been sent')
    await expectAccessible(page)

    // The certificate, from the manage page.
    await page.goto(`/manage#${new URLSearchParams({ id: ada.id, token: ada.manageToken })}`)
    const button = page.getByRole('button', { name: 'Download your certificate (PDF)' })
    await button.waitFor()
    await expectAccessible(page)
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
    const text = await pdfText(await readFile(await download.path()))
    expect(text).toContain('Ada Lovelace')
    expect(text).toContain(JOURNEY_COURSE)
    const code = CODE.exec(text)?.[0] ?? ''
    expect(code).not.toBe('')

    // Anyone shown the certificate checks its code.
    await page.goto('/verify/')
    await page.getByLabel('Certificate code').fill(code)
    await page.getByRole('button', { name: 'Check the code' }).click()
    await expectText(page.locator('#found'), 'Ada Lovelace')
    await expectText(page.locator('#found'), JOURNEY_COURSE)
    await expectAccessible(page)

    // Both answers count in the session's results for its trainer: one matched pair, 2 → 5.
    const token = await signInAs(site.stack.issuerUrl, 'trainer-amira')
    const results = await (
      await fetch(`${site.stack.webUrl}/api/staff/results?sessionId=${SESSION}`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()
    expect(results.responses).toMatchObject({ pre: 1, post: 1, matched: 1 })
  })
})
