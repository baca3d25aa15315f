import { readFileSync } from 'node:fs'
import type { NewBookingView, SessionView } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import ICAL from 'ical.js'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { makeSession } from '../support/factories.ts'
import { bookThroughApi as bookThroughApiAs, fillBookingForm, manageLinkIn } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()
const LEEDS = 'E08000035'

/** The text of an element once it is visible. */
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' })
  return visibleText(locator)
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement)

async function sessionsFromApi(query: string): Promise<SessionView[]> {
  const res = await fetch(`${site.stack.webUrl}/api/sessions?limit=100&${query}`)
  return (await res.json()).items
}

/** Waits until the page's h1 reads `expected` (pages fill it in once the API answers). */
async function expectHeading(page: Page, expected: string): Promise<void> {
  await expect.poll(() => visibleText(page.locator('h1:visible')), { timeout: 10_000 }).toBe(expected)
}

/** Books a session through the API, as someone else would, and opens it from its email. */
const bookThroughApi = (sessionId: string, email: string) =>
  bookThroughApiAs(site, sessionId, { name: 'Grace Hopper', email })

const manageHref = (b: NewBookingView) => `/manage#${new URLSearchParams({ id: b.id, token: b.manageToken })}`

/** The London wall-clock time (HH:mm) of an ISO 8601 instant written with London's offset. */
const londonTime = (iso: string) => iso.slice(11, 16)

describe('the public site', () => {
  it('finds a twilight online session, books it, and manages it from the emailed link', async () => {
    const page = await site.newPage()
    const email = uniqueEmail('twilight')

    await page.goto('/')
    await expectText(page.locator('#result-status'), 'sessions shown')
    await expectAccessible(page)
    await page.getByLabel('Twilight sessions only').check()
    await page.getByLabel('Online', { exact: true }).check()
    await page.getByLabel('Only sessions with places left').check()
    await page.getByRole('button', { name: 'Apply filters' }).click()

    // The filters are in the address, so the search can be shared, and come back into the form.
    await page.waitForURL(/twilight=true/)
    expect(new URL(page.url()).search).toBe('?format=online&twilight=true&available=true')
    expect(await page.getByLabel('Twilight sessions only').isChecked()).toBe(true)
    await expectText(page.locator('#result-status'), 'shown')
    const first = page.locator('#results > li').first()
    const card = await textOf(first)
    expect(card).toContain('Twilight')
    expect(card).toContain('Online')
    expect(card).toContain('left')
    const title = await visibleText(first.getByRole('link'))
    await first.getByRole('link').click()

    await expectHeading(page, title)
    const sessionId = new URL(page.url()).searchParams.get('id') ?? ''
    const session = (await (
      await fetch(`${site.stack.webUrl}/api/sessions/${sessionId}`)
    ).json()) as SessionView
    expect(session).toMatchObject({ twilight: true, format: 'online' })
    expect(await textOf(page.locator('#partner'))).toMatch(/^Delivered by /)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Book a place' }).click()

    await page.waitForURL(/\/book\//)
    await expectHeading(page, 'Book a place')
    await expectText(page.locator('#session-facts'), 'Online')
    await expectAccessible(page)
    await fillBookingForm(page, email)
    await page.getByLabel('Ofsted URN of your setting (optional)').fill('123 456')
    await page.getByRole('button', { name: 'Book a place' }).click()

    await page.waitForURL(/\/booked\/\?session=/)
    await expectHeading(page, 'Check your email')
    expect(await textOf(page.locator('#next'))).toContain(email)
    await expectText(page.locator('#details'), title)
    expect(new URL(page.url()).hash).toBe('')
    await expectAccessible(page)

    const [confirmation] = await site.emailsTo(email)
    expect(confirmation?.subject).toContain(title)
    const manageLink = manageLinkIn(confirmation)
    expect(manageLink).toContain('token=')

    await page.goto(manageLink)
    await expectText(page.locator('#status'), 'Confirmed')
    const details = await textOf(page.locator('#details'))
    expect(details).toContain('Ada Lovelace')
    expect(details).toMatch(/Ofsted URN\s+123456/)
    await expectAccessible(page)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add to calendar' }).click(),
    ])
    const ics = readFileSync((await download.path()) ?? '', 'utf8')
    const calendar = new ICAL.Component(ICAL.parse(ics))
    const zone = calendar.getFirstSubcomponent('vtimezone')
    if (zone) ICAL.TimezoneService.register(zone)
    const vevent = calendar.getFirstSubcomponent('vevent')
    if (!vevent) throw new Error('no VEVENT in the calendar file')
    const event = new ICAL.Event(vevent)
    expect(event.summary).toBe(title)
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London')
    expect(event.startDate.toString().slice(11, 16)).toBe(londonTime(session.startsAt))
    expect(event.startDate.toJSDate().getTime()).toBe(Date.parse(session.startsAt))
    ICAL.TimezoneService.reset()

    await page.getByRole('button', { name: 'Cancel booking' }).click()
    await expect.poll(() => isFocused(page.locator('#cancel-heading')), { timeout: 10_000 }).toBe(true)
    expect(await visibleText(page.locator('#cancel-heading'))).toBe('Are you sure you want to cancel?')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Yes, cancel my booking' }).click()
    await expectText(page.locator('#outcome'), 'Your booking has been cancelled')
    await expectText(page.locator('#status'), 'Cancelled')
    expect(await page.getByRole('button', { name: 'Cancel booking' }).isVisible()).toBe(false)
    await expectAccessible(page)
    const emails = await site.emailsTo(email, 2)
    expect(emails.map((e) => e.subject.toLowerCase())).toEqual([
      expect.stringContaining('confirmed'),
      expect.stringContaining('cancelled'),
    ])
  })

  it('moves a booking to another date of the same course in one step', async () => {
    const open = (await sessionsFromApi('available=true')).filter(
      (s) => s.bookable && s.bespokeLaCodes.length === 0,
    )
    const from = open.find((s) => open.some((o) => o.courseId === s.courseId && o.id !== s.id))
    if (!from) throw new Error('the demo data has no course with two open dates')
    const page = await site.newPage()
    await page.goto(`/book/?id=${from.id}`)
    const mover = uniqueEmail('mover')
    await fillBookingForm(page, mover)
    await page.getByRole('button', { name: 'Book a place' }).click()
    await page.waitForURL(/\/booked\//)
    const [confirmation] = await site.emailsTo(mover)
    await page.goto(manageLinkIn(confirmation))
    await page.waitForURL(/\/manage\/?#id=/)
    const oldId = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('id')

    await page.getByRole('button', { name: 'Move to another date' }).click()
    await expect.poll(() => isFocused(page.locator('#move-heading')), { timeout: 10_000 }).toBe(true)
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Move my booking' }).click()
    await expectText(page.locator('#sessionId-error'), 'Choose the date you want to move to')
    const choice = page.locator('#move-options input').first()
    const target = await choice.getAttribute('value')
    await choice.check()
    await page.getByRole('button', { name: 'Move my booking' }).click()

    await expectText(page.locator('#outcome'), 'Your booking has been moved')
    const moved = new URLSearchParams(new URL(page.url()).hash.slice(1))
    expect(moved.get('id')).not.toBe(oldId)
    expect(await textOf(page.locator('#details'))).toContain(from.title)
    expect(await page.locator('#details a').getAttribute('href')).toBe(`/session/?id=${target}`)
    await expectAccessible(page)
  })

  it('stops and restarts sharing with the LA on the manage page at 390 px; the next attendee list follows at once', async () => {
    const open = (await sessionsFromApi('available=true')).filter(
      (s) => s.bookable && s.bespokeLaCodes.length === 0,
    )
    const session = open[0]
    if (!session) throw new Error('the demo data has no open session')
    const sharer = uniqueEmail('sharer')
    const booking = await bookThroughApiAs(site, session.id, { name: 'Sharing Person', email: sharer })
    const officer = await signInAs(site.stack.issuerUrl, 'la-leeds')
    const day = session.startsAt.slice(0, 10)
    const listed = async () => {
      const res = await fetch(`${site.stack.webUrl}/api/la/${LEEDS}/attendees.csv?from=${day}&to=${day}`, {
        headers: { Authorization: `Bearer ${officer}` },
      })
      expect(res.status).toBe(200)
      return (await res.text()).includes(sharer)
    }
    expect(await listed()).toBe(true)

    const page = await site.newPage({ width: 390 })
    await page.goto(manageHref(booking))
    await expectText(page.locator('#la-sharing-state'), 'You agreed on')
    await page.getByRole('button', { name: 'Stop sharing with my local authority' }).click()
    await expectText(page.locator('#outcome'), 'You have stopped sharing this booking')
    await expectText(page.locator('#la-sharing-state'), 'You stopped sharing this booking with Leeds on')
    expect(await listed()).toBe(false)
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Share this booking with my local authority' }).click()
    await expectText(page.locator('#outcome'), 'You are sharing this booking with your local authority again')
    await expectText(page.locator('#la-sharing-state'), 'You agreed on')
    expect(await listed()).toBe(true)
  })

  it('puts a booking for a full session on the waiting list, with its position', async () => {
    const full = (await sessionsFromApi('')).find(
      (s) => s.bookable && s.placesLeft === 0 && s.bespokeLaCodes.length === 0,
    )
    if (!full) throw new Error('the demo data has no full session open to all')
    const page = await site.newPage()
    await page.goto(`/session/?id=${full.id}`)
    expect(await textOf(page.locator('#booking-call'))).toContain('This session is full')
    await page.getByRole('button', { name: 'Join the waiting list' }).click()
    await page.waitForURL(/\/book\//)
    await expectHeading(page, 'Join the waiting list')
    const waiting = uniqueEmail('waiting')
    await fillBookingForm(page, waiting)
    await page.getByRole('button', { name: 'Join the waiting list' }).click()

    await page.waitForURL(/\/booked\//)
    await expectHeading(page, 'Check your email')
    expect(await textOf(page.locator('#next'))).toContain('if the session is full')
    await expectAccessible(page)
    const [email] = await site.emailsTo(waiting)
    expect(email?.subject).toContain('waiting list')
    expect(email?.body.text).toContain(`Number ${full.waitlistLength + 1}`)
    await page.goto(manageLinkIn(email))
    await expectText(page.locator('#status'), 'waiting list')
  })

  it('shows the error summary for an empty form and for a bad email address, linked to the fields', async () => {
    const [open] = await sessionsFromApi('available=true')
    const page = await site.newPage()
    await page.goto(`/book/?id=${open?.id}`)
    await expectText(page.locator('#session-facts'), 'Where')
    await page.getByRole('button', { name: 'Book a place' }).click()

    const summary = page.locator('#error-summary')
    await expect.poll(() => isFocused(summary), { timeout: 10_000 }).toBe(true)
    expect(await visibleText(summary)).toContain('There is a problem')
    expect(
      await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).toEqual(['#name', '#email', '#role', '#settingName', '#settingType', '#laCode'])
    expect(await page.title()).toMatch(/^Error: Book a place/)
    expect(await page.locator('#name-error').textContent()).toBe('Error: Enter your full name')
    expect(await page.getByLabel('Full name').getAttribute('aria-describedby')).toBe('name-error')
    await expectAccessible(page)
    await summary.getByRole('link', { name: 'Enter your full name' }).click()
    expect(await isFocused(page.getByLabel('Full name'))).toBe(true)

    await fillBookingForm(page, 'not-an-email')
    await page.getByRole('button', { name: 'Book a place' }).click()
    await expect
      .poll(() => summary.getByRole('link').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['Enter an email address in the correct format, like name@example.com'])
    expect(await page.locator('.govuk-form-group--error').count()).toBe(1)
    expect(await page.getByLabel('Email address').getAttribute('class')).toContain('govuk-input--error')
    await expectAccessible(page)
  })

  it('answers a second booking by the same address as the first, and emails it the existing booking', async () => {
    const [open] = await sessionsFromApi('available=true')
    const email = uniqueEmail('twice')
    const pages: string[] = []
    for (const _ of [1, 2]) {
      const page = await site.newPage()
      await page.goto(`/book/?id=${open?.id}`)
      await fillBookingForm(page, email)
      await page.getByRole('button', { name: 'Book a place' }).click()
      await page.waitForURL(/\/booked\//)
      await expectHeading(page, 'Check your email')
      await expectText(page.locator('#details'), open?.title ?? '')
      pages.push(await visibleText(page.locator('main')))
    }
    expect(pages[1]).toBe(pages[0])

    const [confirmation, again] = await site.emailsTo(email, 2)
    expect(again?.subject).toBe(`You have already booked: ${open?.title}`)
    expect(again?.body.text).toContain('We have not made a second booking')
    expect(manageLinkIn(again)).toBe(manageLinkIn(confirmation))
    const after = (await (await fetch(`${site.stack.webUrl}/api/sessions/${open?.id}`)).json()) as SessionView
    expect(after.placesLeft).toBe((open?.placesLeft ?? 0) - 1)
  })

  it.each([
    ['/', 'Find training'],
    ['/?from=2099-01-01', 'Find training'],
    ['/privacy/', 'Privacy notice'],
    ['/accessibility/', 'Accessibility statement'],
    ['/find-my-bookings/', 'Find my bookings'],
    ['/manage/', 'Your booking'],
    ['/no-such-page/', 'Page not found'],
  ])('%s has one h1, a meaningful title and no accessibility violations', async (path, title) => {
    const page = await site.newPage()
    const res = await page.goto(path)
    expect(res?.status()).toBe(path === '/no-such-page/' ? 404 : 200)
    await expectHeading(page, title)
    expect(await page.title()).toBe(`${title} – Early years SEND training`)
    await page.waitForLoadState('networkidle')
    await expectAccessible(page)
  })

  it('emails a list of bookings to a known address, and answers an unknown one the same', async () => {
    const [open] = await sessionsFromApi('available=true')
    const email = uniqueEmail('lookup')
    const { id, reference } = await bookThroughApi(open?.id ?? '', email)

    const answers: string[] = []
    for (const address of [email.toUpperCase(), uniqueEmail('nobody')]) {
      const page = await site.newPage()
      await page.goto('/find-my-bookings/')
      await page.getByLabel('Find my bookings').fill(address)
      await page.getByRole('button', { name: 'Send me my bookings' }).click()
      await expectHeading(page, 'Check your email')
      answers.push((await visibleText(page.locator('#sent'))).replace(address, '<address>'))
      await expectAccessible(page)
    }
    expect(answers[0]).toBe(answers[1])

    const emails = await site.emailsTo(email, 2)
    const list = emails.find((e) => e.subject === 'Your bookings for early years SEND training')
    expect(list?.body.text).toContain(`Booking reference: ${reference}`)
    expect(list?.body.text).toMatch(new RegExp(`/manage#id=${id}&token=\\S+`))
  })

  it('opens the manage page from its link with or without the trailing slash', async () => {
    const [open] = await sessionsFromApi('available=true')
    const booked = await bookThroughApi(open?.id ?? '', uniqueEmail('old-link'))
    const page = await site.newPage()
    await page.goto(manageHref(booked).replace('/manage#', '/manage/#'))
    await expectText(page.locator('#status'), 'Confirmed')
    expect(await textOf(page.locator('#details'))).toContain(booked.reference)
  })

  it('sends new links on request: the old link then says it was replaced, and the new one opens the booking', async () => {
    const [open] = await sessionsFromApi('available=true')
    const email = uniqueEmail('new-links')
    const booked = await bookThroughApi(open?.id ?? '', email)
    const ask = await site.newPage()
    await ask.goto('/find-my-bookings/?new-links')
    await ask.getByLabel('Find my bookings').fill(email)
    await ask.getByRole('button', { name: 'Send me my bookings' }).click()
    await expectHeading(ask, 'Check your email')
    expect(await textOf(ask.locator('#sent'))).toContain('The links we sent before no longer work')

    const old = await site.newPage()
    await old.goto(manageHref(booked))
    expect(await textOf(old.locator('#replaced'))).toContain('This link to your booking has been replaced')
    expect(await visibleText(old.locator('main'))).not.toContain(booked.reference)
    await expectAccessible(old)
    const emails = await site.emailsTo(email, 2)
    const renewed = emails.find(
      (e) => e.subject === 'New links to your bookings for early years SEND training',
    )
    const fresh = await site.newPage()
    await fresh.goto(manageLinkIn(renewed).replace(/^https?:\/\/[^/]+/, ''))
    expect(await textOf(fresh.locator('#details'))).toContain(booked.reference)
  })

  it('shows the error summary when the lookup address is not an email address', async () => {
    const page = await site.newPage()
    await page.goto('/find-my-bookings/')
    await page.getByLabel('Find my bookings').fill('not an email')
    await page.getByRole('button', { name: 'Send me my bookings' }).click()
    await expectText(page.locator('#error-summary'), 'Enter an email address in the correct format')
    expect(await page.title()).toMatch(/^Error: /)
    await expectAccessible(page)
  })

  it('offers a freed place close to the start, which the person accepts on the manage page', async () => {
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: 'tomorrow-one-place',
        title: 'Speech, language and communication needs: core',
        startsAt: new Date(Date.now() + 12 * 3_600_000),
        capacity: 1,
      }),
    )
    const holder = await bookThroughApi('tomorrow-one-place', uniqueEmail('holder'))
    const waiting = await bookThroughApi('tomorrow-one-place', uniqueEmail('next'))
    expect(waiting.status).toBe('waitlisted')
    await fetch(`${site.stack.webUrl}/api/bookings/${holder.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${holder.manageToken}` },
    })

    const page = await site.newPage()
    await page.goto(manageHref(waiting))
    await expectText(page.locator('#status'), 'Place offered')
    expect(await textOf(page.locator('#offer'))).toMatch(
      /Accept it by .+, or it will be offered to the next person/,
    )
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Accept the place' }).click()
    await expectText(page.locator('#outcome'), 'You have accepted the place')
    await expectText(page.locator('#status'), 'Confirmed')
    expect(await page.locator('#offer').isVisible()).toBe(false)
  })

  it('shows more sessions on request and takes the keyboard to the first new one', async () => {
    const page = await site.newPage({ width: 1024 })
    await page.goto('/')
    await expectText(page.locator('#result-status'), '20 sessions shown, more available')
    await page.getByRole('button', { name: 'Show more sessions' }).click()
    await expect.poll(() => page.locator('#results > li').count(), { timeout: 10_000 }).toBeGreaterThan(20)
    expect(await isFocused(page.locator('#results > li').nth(20).getByRole('link'))).toBe(true)
    expect(await visibleText(page.locator('#result-status'))).toMatch(/^\d+ sessions shown/)
  })

  it('loads the LA autocomplete only when the field is first used, keeping a choice made before', async () => {
    const page = await site.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    const autocompleteLoaded = () => scripts.some((url) => url.includes('accessible-autocomplete'))
    await page.goto('/')
    await expectText(page.locator('#result-status'), 'sessions shown')
    expect(autocompleteLoaded()).toBe(false)

    await page.locator('select#la').selectOption({ label: 'Leeds' })
    await page.locator('select#la').focus()
    const input = page.locator('input#la.autocomplete__input')
    await input.waitFor()
    expect(autocompleteLoaded()).toBe(true)
    expect(await input.inputValue()).toBe('Leeds')
    expect(await isFocused(input)).toBe(true)
    await expectAccessible(page)
  })

  it('says clearly when no session matches the filters', async () => {
    const page = await site.newPage()
    await page.goto('/?from=2099-01-01')
    await expectText(page.locator('#result-status'), 'No sessions found')
    expect(await page.getByText('No sessions match your filters.').isVisible()).toBe(true)
  })

  it('lets a keyboard user skip to the content, with a visible focus indicator', async () => {
    const page = await site.newPage({ width: 1024 })
    await page.goto('/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to main content' })
    expect(await isFocused(skip)).toBe(true)
    expect(await skip.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(255, 221, 0)')
  })
})
