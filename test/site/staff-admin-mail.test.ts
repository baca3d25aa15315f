import { randomUUID } from 'node:crypto'
import { OUTBOX_MAX_ATTEMPTS } from '@ey/domain'
import { bookingItem } from '@ey/dynamodb'
import { PutCommand } from '@ey/dynamodb/client'
import { signInAs } from '@ey/local-stack'
import {
  createFeedbackHandler,
  feedbackClients,
  feedbackConfigFromEnv,
  wireFeedback,
} from '@ey/mail-function'
import { describe, expect, it } from 'vitest'
import { stackTable } from '../support/dynamo.ts'
import { makeBooking, makeOutboxMessage, makePerson } from '../support/factories.ts'
import { parkEmailBesideStream } from '../support/mail-admin.ts'
import { sesBounce, snsEvent } from '../support/ses-feedback.ts'
import { expectAccessible, expectText, visibleText } from './lib/pages.ts'
import { staffPage } from './lib/staff-pages.ts'
import { uniqueEmail, useSite } from './support.ts'

const site = useSite()
const silent = { info: () => {}, warn: () => {}, error: () => {} }

/** A confirmed booking for a new address in the stack's table, and its confirmation email parked after its last attempt. */
async function parkedConfirmation(label: string) {
  const table = stackTable(site.stack)
  const to = uniqueEmail(label)
  const booking = makeBooking({
    id: `bk_${randomUUID().slice(0, 8)}`,
    person: makePerson({ name: 'Amira Khan', email: to }),
    emailKey: to,
  })
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: bookingItem.to(booking) }))
  const message = makeOutboxMessage({ bookingId: booking.id, createdAt: new Date().toISOString() })
  await parkEmailBesideStream(table, message)
  return { to, message }
}

/** Feeds the bounce handler, wired as its Lambda entry is on the stack's table, a permanent bounce of the address. */
async function bounce(address: string): Promise<void> {
  const config = feedbackConfigFromEnv(site.stack.env)
  const handle = createFeedbackHandler(wireFeedback(config, feedbackClients(config), { logger: silent }))
  await handle(snsEvent(sesBounce([address])))
}

const mailPage = (username = 'admin') => staffPage(site, username, { path: '/staff/admin/mail/' })

/** Runs the sweeper as its schedule does, and answers the emails the SES emulator holds for `to`. */
async function sweepThenMailOf(to: string) {
  await site.stack.jobs?.run('sweep-outbox')
  return site.emailsTo(to)
}

describe('the administrators’ mail page', () => {
  it('lists an email parked after its last attempt, which resends once, and a bounced address, which clears; both audited', async () => {
    const { to, message } = await parkedConfirmation('parked')
    const bounced = uniqueEmail('bounced')
    await bounce(bounced)

    const admin = await mailPage()
    await admin.locator('#content').waitFor()
    const emailRow = admin.locator('#email-rows tr', { hasText: to })
    await expectText(emailRow, 'Parked')
    const listed = await visibleText(emailRow)
    for (const text of ['Booking confirmed', String(OUTBOX_MAX_ATTEMPTS), 'Throttling']) {
      expect(listed).toContain(text)
    }
    const addressRow = admin.locator('#address-rows tr', { hasText: bounced })
    await expectText(addressRow, 'Bounced')
    expect(await visibleText(addressRow)).toContain('Permanent/General')
    expect(await visibleText(admin.locator('#no-audit'))).toBe(
      'No administrator has resent an email or cleared an address yet.',
    )
    await expectAccessible(admin)

    await emailRow.getByRole('button', { name: `Resend the Booking confirmed email to ${to}` }).click()
    await expectText(
      admin.locator('#done-text'),
      `The Booking confirmed email to ${to} will be sent again within five minutes.`,
    )
    expect(await admin.locator('#done').evaluate((element) => element === document.activeElement)).toBe(true)
    expect(await visibleText(emailRow)).not.toContain('Parked')
    expect(await emailRow.getByRole('button').count()).toBe(0)

    const sent = await sweepThenMailOf(to)
    expect(sent.map((email) => email.subject)).toEqual([expect.stringContaining('Booking confirmed')])
    expect(await sweepThenMailOf(to)).toHaveLength(1)
    await admin.reload()
    await expectText(admin.locator('#no-emails'), 'No email has failed.')

    await addressRow.getByRole('button', { name: `Clear ${bounced}` }).click()
    await expectText(admin.locator('#done-text'), `Email can go to ${bounced} again.`)
    await expectText(admin.locator('#no-addresses'), 'Every address can get email.')
    const audit = admin.locator('#audit-rows')
    await expectText(audit, `Resent an email: booking-confirmed ${message.id}`)
    await expectText(audit, 'Cleared an address: b…@example.test (bounce)')
    expect(await audit.locator('tr', { hasText: 'Ada Administrator' }).count()).toBe(2)
    await expectAccessible(admin)
  })

  it('says plainly that an email resent meanwhile is not waiting, and lists it as it is now', async () => {
    const { to, message } = await parkedConfirmation('resent-elsewhere')
    const admin = await mailPage()
    const emailRow = admin.locator('#email-rows tr', { hasText: to })
    await expectText(emailRow, 'Parked')
    // Another administrator resends it first.
    const token = await signInAs(site.stack.issuerUrl, 'admin')
    const resent = await fetch(`${site.stack.webUrl}/api/admin/mail/emails/${message.id}/resend`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(resent.status).toBe(200)

    await emailRow.getByRole('button', { name: /^Resend/ }).click()

    await expectText(admin.locator('#action-error-text'), 'This email is not waiting to be resent')
    expect(
      await admin.locator('#action-error').evaluate((element) => element === document.activeElement),
    ).toBe(true)
    await expectText(emailRow, 'Next try at')
    await expectAccessible(admin)
    expect(await sweepThenMailOf(to)).toHaveLength(1)
  })

  it.each(['trainer-amira', 'la-leeds'])(
    'tells %s that the page is for administrators, showing no mail',
    async (user) => {
      await parkedConfirmation('not-for-staff')
      const page = await mailPage(user)
      await expectText(page.locator('#error-text'), 'Your account is not an administrator’s.')
      expect(await page.locator('#content').isHidden()).toBe(true)
      expect(await page.locator('#email-rows tr').count()).toBe(0)
      await expectAccessible(page)
    },
  )
})
