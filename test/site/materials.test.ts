import { readFile } from 'node:fs/promises'
import type { NewBookingView } from '@ey/contract'
import { signInAs } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'
import { stackTable, storeSessions } from '../support/dynamo.ts'
import { makeSession, partAt } from '../support/factories.ts'
import { bookThroughApi } from './lib/booking-pages.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { markPresent, staffPage } from './lib/staff-pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()
const SLIDES = Buffer.from('%PDF-1.7\n% Week 1 slides\n')

async function book(sessionId: string): Promise<NewBookingView> {
  return bookThroughApi(site, sessionId, { name: 'Ada Lovelace', email: uniqueEmail('materials') })
}

describe('session materials', () => {
  it('a trainer uploads a PDF and adds a link; after the session the attendee finds both and downloads the file', async () => {
    await storeSessions(
      stackTable(site.stack),
      makeSession({
        id: 'materials-journey',
        parts: [partAt(new Date(Date.now() + 3 * 86_400_000))],
        trainerIds: ['trainer-amira'],
      }),
    )
    const ada = await book('materials-journey')
    const manage = await site.newPage({ width: 390 })
    const manageUrl = `/manage#${new URLSearchParams({ id: ada.id, token: ada.manageToken })}`
    await manage.goto(manageUrl)
    await expectText(
      manage.locator('#materials'),
      'Slides, handouts and links from the session will be here after it.',
    )

    const trainer = await staffPage(site, 'trainer-amira')
    await trainer.goto('/staff/sessions/register/?id=materials-journey&part=0')
    const materials = trainer.locator('#materials')
    await expectText(materials, 'No materials yet.')
    await expectAccessible(trainer)

    await trainer
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'run.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') })
    await trainer.locator('#material-file-title').fill('Not a handout')
    await trainer.getByRole('button', { name: 'Upload file' }).click()
    await expectText(trainer.locator('#materials-errors'), 'The file must be a PDF')
    await expectText(trainer.locator('#material-file-error'), 'The file must be a PDF')
    await expectAccessible(trainer)

    await trainer
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'week-1.pdf', mimeType: 'application/pdf', buffer: SLIDES })
    await trainer.locator('#material-file-title').fill('Week 1 slides')
    await trainer.getByRole('button', { name: 'Upload file' }).click()
    await expectText(trainer.locator('#materials-status'), 'Week 1 slides uploaded.')
    expect(await trainer.locator('#materials-errors').isHidden()).toBe(true)

    await trainer.locator('#material-link-title').fill('Makaton signs')
    await trainer.locator('#material-link-url').fill('http://example.org/signs')
    await trainer.getByRole('button', { name: 'Add link' }).click()
    await expectText(trainer.locator('#material-link-url-error'), 'Enter a link that starts with https://')
    await trainer.locator('#material-link-url').fill('https://example.org/signs')
    await trainer.getByRole('button', { name: 'Add link' }).click()
    await expectText(trainer.locator('#materials-status'), 'Makaton signs added.')
    await expectText(trainer.locator('#materials-items'), 'Week 1 slides')
    await expectText(trainer.locator('#materials-items'), 'Makaton signs')
    await expectAccessible(trainer)

    await markPresent(site, 'materials-journey', ada.id)
    await manage.reload()
    const list = manage.locator('#materials-items')
    await expectText(list, 'Week 1 slides')
    await expectText(list, 'Makaton signs')
    expect(await list.getByRole('link', { name: /Makaton signs/ }).getAttribute('href')).toBe(
      'https://example.org/signs',
    )
    await expectAccessible(manage)

    const [download] = await Promise.all([
      manage.waitForEvent('download'),
      list.getByRole('link', { name: /Week 1 slides/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('week-1.pdf')
    expect(await readFile(await download.path())).toEqual(SLIDES)
  })

  it('shows a course’s public materials on its page, and never one kept for booked people', async () => {
    const admin = await signInAs(site.stack.issuerUrl, 'admin')
    const addLink = async (title: string, audience: 'public' | 'booked') => {
      const res = await fetch(`${site.stack.webUrl}/api/admin/courses/slcn-core/materials/links`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title, url: `https://example.org/${audience}`, audience }),
      })
      expect(res.status).toBe(201)
    }
    await addLink('Course overview for managers', 'public')
    await addLink('Handbook for people on the course', 'booked')

    const page = await site.newPage({ width: 390 })
    await page.goto('/course/?id=slcn-core')
    const section = page.locator('#materials')
    await expectText(section, 'Course overview for managers')
    expect(await visibleText(section)).not.toContain('Handbook for people on the course')
    expect(
      await section.getByRole('link', { name: /Course overview for managers/ }).getAttribute('href'),
    ).toBe('https://example.org/public')
    await expectAccessible(page)
  })
})
