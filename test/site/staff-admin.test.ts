import { readFileSync } from 'node:fs'
import type { AdminSession, SessionView } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { makeSession } from '../support/factories.ts'
import { adminPage, scheduleThroughPages, tuesdayAfter } from './lib/admin-pages.ts'
import { bookThroughApi, fillBookingForm } from './lib/booking-pages.ts'
import { expectAccessible, visibleText } from './lib/pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()

describe('the administrators’ pages', () => {
  it('schedule a two-part twilight course that a practitioner then books on the public site', async () => {
    const admin = await adminPage(site)
    await admin.locator('#sessions').waitFor()
    await expectAccessible(admin)
    const first = tuesdayAfter(30)
    const second = tuesdayAfter(37)

    const id = await scheduleThroughPages(admin, {
      title: 'Twilight SLCN (two evenings)',
      dates: [first, second],
    })

    await admin.locator('#done').waitFor()
    expect(await visibleText(admin.locator('#done-text'))).toBe('Session scheduled')
    await expect.poll(() => visibleText(admin.locator('#rows'))).toContain('Twilight SLCN (two evenings)')
    const session = (await (await fetch(`${site.stack.webUrl}/api/sessions/${id}`)).json()) as SessionView
    expect(session).toMatchObject({ twilight: true, format: 'online', capacity: 12 })
    expect(session.parts.map((p) => p.startsAt.slice(0, 16))).toEqual([`${first}T16:00`, `${second}T16:00`])

    const practitioner = await site.newPage()
    const email = uniqueEmail('admin-journey')
    await practitioner.goto(`/session/?id=${id}`)
    await practitioner.getByRole('button', { name: 'Book a place' }).click()
    await practitioner.waitForURL(/\/book\//)
    await fillBookingForm(practitioner, email)
    await practitioner.getByRole('button', { name: 'Book a place' }).click()
    await practitioner.waitForURL(/\/booked\//)
    const [confirmation] = await site.emailsTo(email)
    expect(confirmation?.subject).toContain('Twilight SLCN (two evenings)')
  })

  it('choose the reminder emails of a session, 2 days and 2 hours before until changed', async () => {
    const admin = await adminPage(site)
    await admin.goto('/staff/admin/session/')
    await admin.locator('#session-form').waitFor()
    const ticked = () =>
      admin
        .locator('input[name="reminderLeadsMinutes"]:checked')
        .evaluateAll((boxes) => boxes.map((box) => box.closest('div')?.textContent?.trim()))
    // The page ticks none itself: these are the stack's defaults, from `GET /api/admin/settings`.
    expect(await ticked()).toEqual(['2 days before', '2 hours before'])

    const id = await scheduleThroughPages(admin, {
      title: 'Reminders chosen',
      dates: [tuesdayAfter(51)],
      reminders: ['1 week before', '2 hours before'],
    })
    await admin.goto(`/staff/admin/session/?id=${id}`)
    await admin.locator('#session-form').waitFor()
    expect(await ticked()).toEqual(['1 week before', '2 hours before'])
    await expectAccessible(admin)

    // A lead the form does not offer (as an import can set) gets a box of its own and survives a save.
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: 'reminders-imported',
        startsAt: `${tuesdayAfter(58)}T16:00:00.000Z`,
        reminderLeadsMinutes: [2880, 180],
      }),
    )
    await admin.goto('/staff/admin/session/?id=reminders-imported')
    await admin.locator('#session-form').waitFor()
    expect(await ticked()).toEqual(['2 days before', '3 hours before'])
    await admin.getByRole('button', { name: 'Save session' }).click()
    await admin.waitForURL(/done=saved/)
    const saved = (await fetch(`${site.stack.webUrl}/api/admin/sessions/reminders-imported`, {
      headers: { Authorization: `Bearer ${await signInAs(site.stack.issuerUrl, 'admin')}` },
    }).then((res) => res.json())) as AdminSession
    expect(saved.reminderLeadsMinutes).toEqual([2880, 180])
  })

  it('show the error summary, linked to each field, for a form with mistakes', async () => {
    const admin = await adminPage(site)
    await admin.goto('/staff/admin/session/')
    await admin.locator('#session-form').waitFor()
    await admin.getByRole('button', { name: 'Save session' }).click()

    const summary = admin.locator('#error-summary')
    await summary.waitFor()
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await admin.title()).toMatch(/^Error: /)
    await admin.getByRole('link', { name: 'Choose a course from the list' }).click()
    expect(await admin.locator('#courseId').evaluate((element) => element === document.activeElement)).toBe(
      true,
    )
    await expectAccessible(admin)
  })

  it('cancel a session only after a confirmation step, emailing everyone booked', async () => {
    const admin = await adminPage(site)
    const id = await scheduleThroughPages(admin, { title: 'Session to cancel', dates: [tuesdayAfter(44)] })
    const email = uniqueEmail('cancelled')
    await bookThroughApi(site, id, { name: 'Grace Hopper', email })

    await admin.goto(`/staff/admin/cancel/?id=${id}`)
    await admin.locator('#confirm').waitFor()
    expect(await visibleText(admin.locator('#warning-text'))).toContain('1 person')
    await expectAccessible(admin)
    await admin.getByRole('button', { name: 'Cancel this session' }).click()
    await admin.waitForURL(/done=cancelled/)

    const emails = await site.emailsTo(email, 2)
    expect(emails.map((e) => e.subject)).toContain('Session cancelled: Session to cancel')
    expect(await (await fetch(`${site.stack.webUrl}/api/sessions/${id}`)).json()).toMatchObject({
      status: 'cancelled',
    })
  })

  it('import a CSV file only when every row is right, after a preview of each row’s problems', async () => {
    const admin = await adminPage(site)
    const fixture = readFileSync(new URL('../fixtures/sessions-import.csv', import.meta.url), 'utf8')
    // The fixture's dates are in 2026; move them a year past today so they stay in the future.
    const year = String(new Date().getUTCFullYear() + 1)
    const csv = fixture.replaceAll('2026', year)
    await admin.goto('/staff/admin/import/')
    await expectAccessible(admin)

    await admin
      .getByLabel('Upload a file')
      .setInputFiles({ name: 'sessions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await admin.getByRole('button', { name: 'Check the file' }).click()
    await admin.locator('#preview').waitFor()
    expect(await visibleText(admin.locator('#preview-heading'))).toBe('Nothing can be imported yet')
    expect(await visibleText(admin.locator('#error-summary-list'))).toContain('Row 4, capacity')
    expect(await admin.locator('#import').isHidden()).toBe(true)
    await expectAccessible(admin)

    const good = csv.split('\n').slice(0, 3).join('\n')
    await admin
      .getByLabel('Upload a file')
      .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
    await admin.getByRole('button', { name: 'Check the file' }).click()
    await admin.getByRole('button', { name: 'Import 2 sessions' }).click()
    await admin.waitForURL(/done=imported/)
    await expect.poll(() => visibleText(admin.locator('#rows'))).toContain('Twilight core')
  })
})
