import type { NewBookingView } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { makeSession, makeVenue, partAt } from '../support/factories.ts'
import { bookThroughApi } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { registerRow as row, staffPage } from './lib/staff-pages.ts'
import { uniqueEmail, useSite } from './support.ts'

// The register's offline test takes the connection away, which the browser logs.
const site = useSite({ expected: /ERR_INTERNET_DISCONNECTED/ })

/** A two-part twilight course in a family hub, run by trainer-amira. */
async function scheduleTwoPartCourse(id: string): Promise<void> {
  const first = new Date(Date.now() + 3 * 86_400_000)
  await storeSessions(
    stackTable(site.stack),
    makeSession({
      id,
      courseId: 'slcn-level-3',
      title: 'Level 3 award in supporting speech, language and communication',
      parts: [partAt(first), partAt(new Date(first.getTime() + 7 * 86_400_000))],
      format: 'in-person',
      venue: makeVenue(),
      capacity: 12,
      trainerIds: ['trainer-amira'],
    }),
  )
}

async function book(
  sessionId: string,
  name: string,
  accessNeeds?: string,
  email = uniqueEmail('register'),
): Promise<NewBookingView> {
  return bookThroughApi(site, sessionId, { name, email, ...(accessNeeds ? { accessNeeds } : {}) })
}

describe('the trainer’s register', () => {
  it('is marked on a 390 px phone, offline too, and the attendance shows on the practitioner’s manage page', async () => {
    await scheduleTwoPartCourse('register-journey')
    const ada = await book('register-journey', 'Ada Lovelace', 'Step-free access, please')
    const mary = await book('register-journey', 'Mary Somerville')
    const emmy = await book('register-journey', 'Emmy Noether')

    const page = await staffPage(site, 'trainer-amira')
    const card = page.locator('.govuk-summary-card', { hasText: 'Level 3 award' }).first()
    await card.waitFor()
    await expectAccessible(page)
    await card.getByRole('link', { name: /Register for part 1/ }).click()

    await expectText(page.locator('#booked-heading'), 'Booked (3)')
    expect(await visibleText(row(page, 'Ada Lovelace'))).toContain('Access needs: Step-free access, please')
    await expectAccessible(page)

    // Everyone present at once, then one correction, by keyboard.
    await page.getByRole('button', { name: 'Mark everyone not yet marked as present' }).click()
    await expectText(page.locator('#sync'), 'All changes saved')
    await row(page, 'Ada Lovelace').getByLabel('Present').focus()
    await page.keyboard.press('ArrowRight')
    expect(await row(page, 'Ada Lovelace').getByLabel('Late').isChecked()).toBe(true)
    await expectText(page.locator('#sync'), 'All changes saved')

    // The venue's connection drops: the mark waits on the device, then goes once when it is back.
    await page.context().setOffline(true)
    await row(page, 'Emmy Noether').getByLabel('Left early').check()
    await expectText(page.locator('#sync'), '1 change waiting to be sent')
    await expectText(row(page, 'Emmy Noether'), 'Waiting to send')
    await page.context().setOffline(false)
    await expectText(page.locator('#sync'), 'All changes saved')

    await page.getByLabel('Name of someone who came without a booking').fill('Grace Hopper')
    await page.getByRole('button', { name: 'Add walk-in as present' }).click()
    await expectText(page.locator('#walk-ins'), 'Grace Hopper')
    await expectText(page.locator('#sync'), 'All changes saved')

    // Part 2 has a register of its own.
    await page.getByRole('link', { name: /^Part 2/ }).click()
    await expectText(page.locator('#booked-heading'), 'Booked (3)')
    await row(page, 'Ada Lovelace').getByLabel('Present').check()
    await row(page, 'Mary Somerville').getByLabel('Apologies given').check()
    await expectText(page.locator('#sync'), 'All changes saved')
    await expectAccessible(page)

    const marks = await fetch(`${site.stack.webUrl}/api/trainer/sessions/register-journey/parts/0/register`, {
      headers: { Authorization: `Bearer ${await signInAs(site.stack.issuerUrl, 'trainer-amira')}` },
    }).then((res) => res.json())
    const markOf = (id: string) => marks.booked.find((p: { bookingId: string }) => p.bookingId === id)?.mark
    expect([markOf(ada.id), markOf(mary.id), markOf(emmy.id)]).toEqual(['late', 'present', 'left-early'])
    expect(marks.audit.filter((e: { subject?: string }) => e.subject === emmy.id)).toHaveLength(2)

    const manage = await site.newPage({ width: 390 })
    await manage.goto(`/manage#${new URLSearchParams({ id: ada.id, token: ada.manageToken })}`)
    await expectText(manage.locator('#attendance'), 'Attended (arrived late)')
    expect(await visibleText(manage.locator('#attendance'))).toContain('You completed this course.')
    await expectAccessible(manage)
  })

  it('tells a trainer who is not assigned that the register is not theirs', async () => {
    await scheduleTwoPartCourse('register-not-mine')
    const page = await staffPage(site, 'trainer-ben')
    // The demo programme's sessions are listed for their trainers from the start.
    await expectText(page.locator('#upcoming'), 'Whole-setting approach to SEND (Leeds settings)')
    await page.goto('/staff/sessions/register/?id=register-not-mine&part=0')
    await expectText(page.locator('#error'), 'Only the trainers of this session and administrators')
  })

  it('checks a participant in with the attendance code of an online part, and matches a Zoom report', async () => {
    // Starting in 20 minutes, bookable until it starts: the check-in window is already open.
    const start = new Date(Date.now() + 20 * 60_000)
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: 'register-online',
        title: 'Speech, language and communication needs: core',
        startsAt: start,
        joiningUrl: 'https://meet.example.org/j/register-online',
        capacity: 30,
        bookingClosesAt: start.toISOString(),
        trainerIds: ['trainer-amira'],
      }),
    )
    const adaEmail = uniqueEmail('ada')
    const ada = await book('register-online', 'Ada Lovelace', undefined, adaEmail)
    const maryEmail = uniqueEmail('mary')
    await book('register-online', 'Mary Somerville', undefined, maryEmail)

    const trainer = await staffPage(site, 'trainer-amira')
    await trainer.goto('/staff/sessions/register/?id=register-online&part=0')
    await trainer.getByRole('button', { name: 'Show an attendance code' }).click()
    await expectText(trainer.locator('#code-expiry'), 'Works until')
    const code = (await visibleText(trainer.locator('#code'))).replace(/\s/g, '')

    const manage = await site.newPage({ width: 390 })
    await manage.goto(`/manage#${new URLSearchParams({ id: ada.id, token: ada.manageToken })}`)
    await manage.getByLabel('Attendance code').fill('000 000' === code ? '111 111' : '000 000')
    await manage.getByRole('button', { name: 'Check in' }).click()
    await expectText(manage.locator('#check-in-code-error'), 'The attendance code is not right')
    await expectAccessible(manage)
    await manage.getByLabel('Attendance code').fill(code)
    await manage.getByRole('button', { name: 'Check in' }).click()
    await expectText(manage.locator('#attendance'), 'You are checked in')

    await trainer.reload()
    await row(trainer, 'Ada Lovelace').getByRole('button', { name: 'Confirm check-in' }).click()
    await expectText(row(trainer, 'Ada Lovelace'), 'confirmed')
    expect(await row(trainer, 'Ada Lovelace').getByLabel('Present').isChecked()).toBe(true)

    const zoom = [
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room',
      `Mary S (Mary Somerville),${maryEmail.toUpperCase()},04:01:00 PM,05:30:00 PM,89,Yes,No`,
      'iPhone,,04:05:00 PM,05:25:00 PM,80,Yes,No',
    ].join('\n')
    await trainer.getByLabel('Upload the participant report (CSV) the meeting exported').setInputFiles({
      name: 'participants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(zoom),
    })
    await trainer.getByRole('button', { name: 'Match the report' }).click()
    await expectText(
      trainer.locator('#report-matches'),
      'Mary Somerville (in the report as Mary S, 89 minutes)',
    )
    await expectText(trainer.locator('#report-unmatched'), 'iPhone')
    await expectAccessible(trainer)
    await trainer.getByRole('button', { name: 'Mark the ticked people present' }).click()
    await expectText(trainer.locator('#sync'), 'All changes saved')
    expect(await row(trainer, 'Mary Somerville').getByLabel('Present').isChecked()).toBe(true)
  })

  it('locks 14 days after the end, and an administrator reopens it from the page', async () => {
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: 'register-locked',
        title: 'Speech, language and communication needs: core',
        startsAt: new Date(Date.now() - 20 * 86_400_000),
        capacity: 30,
        trainerIds: ['trainer-amira'],
      }),
    )
    const trainer = await staffPage(site, 'trainer-amira')
    await expectText(trainer.locator('#past'), 'Speech, language and communication needs: core')
    await trainer.goto('/staff/sessions/register/?id=register-locked&part=0')
    await expectText(trainer.locator('#locked'), 'Only an administrator can reopen it')
    expect(await trainer.locator('#walk-in-form').isVisible()).toBe(false)
    expect(await trainer.getByRole('button', { name: 'Reopen this register for 7 days' }).isVisible()).toBe(
      false,
    )

    const admin = await staffPage(site, 'admin')
    await admin.goto('/staff/sessions/register/?id=register-locked&part=0')
    await admin.getByRole('button', { name: 'Reopen this register for 7 days' }).click()
    await admin.locator('#walk-in-form').waitFor()
    expect(await admin.locator('#locked').isVisible()).toBe(false)
    await expectAccessible(admin)
  })
})
