import { createDynamoCatalogueRepository, keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { signInAs } from '@ey/local-stack'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { DAY, makeCourse, makeSession, makeVenue } from '../support/factories.ts'
import { chooseLa, expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()

/** A course of its own (so no other test's alert or session meets it), stored in the stack's table. */
async function newCourse(label: string): Promise<{ id: string; title: string }> {
  const id = `${label}-${crypto.randomUUID().slice(0, 8)}`
  const title = `Alerts test course ${id}`
  await createDynamoCatalogueRepository(stackTable(site.stack)).putCourse(
    makeCourse({ id, title, partnerId: 'talking-together' }),
  )
  return { id, title }
}

/** A London date `days` from today, as an administrator types it. */
const londonDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + days * DAY))

/** Schedules a published online session of the course through the administrators' API. */
async function publishOnline(courseId: string, days: number): Promise<string> {
  const token = await signInAs(site.stack.issuerUrl, 'admin')
  const res = await fetch(`${site.stack.webUrl}/api/admin/sessions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      courseId,
      parts: [{ date: londonDate(days), startTime: '16:00', endTime: '17:30' }],
      format: 'online',
      joiningUrl: 'https://meet.example.org/j/alerts',
      capacity: 12,
      trainerIds: [],
      bespokeLaCodes: [],
      status: 'published',
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()).id
}

async function alertStatus(id: string): Promise<unknown> {
  const table = stackTable(site.stack)
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: keys.interestAlert(id), ConsistentRead: true }),
  )
  return Item?.status
}

/** Waits until the page's h1 reads `expected`. */
async function expectHeading(page: Page, expected: string): Promise<void> {
  await expect.poll(() => visibleText(page.locator('h1:visible')), { timeout: 10_000 }).toBe(expected)
}

describe('interest alerts on the public site', () => {
  it('asks on a full session, emails once for the first new date, and stops from the email without signing in', async () => {
    const course = await newCourse('full')
    const fullId = `full-${crypto.randomUUID().slice(0, 8)}`
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: fullId,
        courseId: course.id,
        title: course.title,
        format: 'in-person',
        venue: makeVenue(),
        capacity: 1,
        heldCount: 1,
        startsAt: new Date(Date.now() + 10 * DAY),
      }),
    )
    const email = uniqueEmail('alert')
    const page = await site.newPage()

    await page.goto(`/session/?id=${fullId}`)
    await expectHeading(page, course.title)
    await expectText(page.locator('#booking-call'), 'This session is full')
    const form = page.locator('#interest-alert')
    await expectText(form, 'Get an email about a new date')
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Email me about a new date' }).click()
    await expectText(page.locator('#error-summary'), 'There is a problem')
    expect(await page.locator('#error-summary-list a').allInnerTexts()).toHaveLength(3)
    await expectAccessible(page)

    await form.getByLabel('Email address').fill(email)
    await chooseLa(page, 'Local authority', 'Leed', 'Leeds')
    await form.getByLabel('Online').check()
    await page.getByRole('button', { name: 'Email me about a new date' }).click()
    await expectText(page.locator('#interest-alert-done'), 'We will email you once')
    expect(await page.locator('#error-summary').isHidden()).toBe(true)
    await expectAccessible(page)

    const first = await publishOnline(course.id, 14)
    const [alertEmail] = await site.emailsTo(email)
    expect(alertEmail?.subject).toBe(`New date: ${course.title}`)
    expect(alertEmail?.body.text).toContain(`/session/?id=${first}`)
    await publishOnline(course.id, 21)
    await site.stack.drainMail(30_000)
    expect(await site.emailsTo(email, 1)).toHaveLength(1)

    const stopLink = alertEmail?.body.text?.match(/https?:\/\/\S+\/alerts\/stop\/#id=\S+/)?.[0] ?? ''
    const alertId = new URLSearchParams(new URL(stopLink).hash.slice(1)).get('id') ?? ''
    const stopPage = await site.newPage()
    await stopPage.goto(stopLink)
    await expectHeading(stopPage, 'Stop this alert')
    await expectAccessible(stopPage)
    // Opening the link (as a link scanner would) changed nothing.
    expect(await alertStatus(alertId)).toBe('sent')
    await stopPage.getByRole('button', { name: 'Stop the alert' }).click()
    await expectHeading(stopPage, 'Alert stopped')
    await expectText(stopPage.locator('#stopped-text'), `new dates of ${course.title}`)
    await expectAccessible(stopPage)
    expect(await alertStatus(alertId)).toBe('stopped')
  })

  it('offers the alert from the full booking form, and says a broken stop link does not work', async () => {
    const course = await newCourse('book')
    const fullId = `full-${crypto.randomUUID().slice(0, 8)}`
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: fullId,
        courseId: course.id,
        capacity: 1,
        heldCount: 1,
        startsAt: new Date(Date.now() + 9 * DAY),
      }),
    )
    const page = await site.newPage()

    await page.goto(`/book/?id=${fullId}`)
    await expectHeading(page, 'Join the waiting list')
    await page.getByRole('link', { name: 'Get an email when a new date of this course is published' }).click()
    await page.waitForURL(/\/session\/\?id=.*#interest-alert$/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('interest-alert-heading')

    await page.goto('/alerts/stop/#id=nothing-here')
    await expectHeading(page, 'This link does not work')
    await expectAccessible(page)
  })

  it('shows a course’s dates on its page, with the alert form only when no date with places is soon', async () => {
    const quiet = await newCourse('quiet')
    const busy = await newCourse('busy')
    await publishOnline(busy.id, 7)
    const page = await site.newPage()

    await page.goto(`/course/?id=${quiet.id}`)
    await expectHeading(page, quiet.title)
    await expectText(page.locator('#dates-status'), 'There are no dates of this course at the moment.')
    await expectText(page.locator('#interest-alert'), 'no date with places in the next 6 weeks')
    await expectAccessible(page)

    await page.goto(`/course/?id=${busy.id}`)
    await expectHeading(page, busy.title)
    await expectText(page.locator('#dates-status'), '1 date.')
    expect(await page.locator('#dates > li').count()).toBe(1)
    expect(await page.locator('#interest-alert').isHidden()).toBe(true)
    await expectAccessible(page)

    await page.locator('#dates a').first().click()
    await page.waitForURL(/\/session\//)
    await page.getByRole('link', { name: 'Every date of this course' }).click()
    await page.waitForURL(new RegExp(`/course/\\?id=${busy.id}$`))
  })
})
