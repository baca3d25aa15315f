import { LOCAL_CREDENTIALS } from '@ey/local-stack'
import { bookingCalendar, createSesMailer, renderEmail } from '@ey/mail'
import { SESClient } from '@ey/mail/ses'
import { describe, expect, inject, it } from 'vitest'
import { makeBooking } from '../support/factories.ts'
import { uniqueAddress, waitForEmail } from '../support/ses.ts'

const MANAGE_URL = 'https://training.example.org/manage#id=bk_0001&token=secret-token'

function mailer() {
  const ses = new SESClient({
    endpoint: inject('sesEndpoint'),
    region: 'eu-west-2',
    credentials: LOCAL_CREDENTIALS,
  })
  return createSesMailer({ ses, from: 'Early years SEND training <bookings@training.example.org>' })
}

describe('the SES mailer', () => {
  it('delivers the subject, both bodies and the calendar file', async () => {
    const to = uniqueAddress('amira')
    const booking = makeBooking()
    const rendered = renderEmail('booking-confirmed', { booking, manageUrl: MANAGE_URL })
    const calendar = bookingCalendar(booking, {
      bookingPageUrl: 'https://training.example.org/manage#id=bk_0001',
      domain: 'training.example.org',
    })

    const { messageId } = await mailer().send({
      to,
      ...rendered,
      attachments: [
        {
          filename: 'invite.ics',
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          content: calendar,
        },
      ],
    })

    const email = await waitForEmail(to)
    expect(email.messageId).toBe(messageId)
    expect(email.from).toBe('"Early years SEND training" <bookings@training.example.org>')
    expect(email.subject).toBe('Booking confirmed: Speech, language and communication: core')
    expect(email.body.text).toContain('Tuesday 1 December 2026, 4pm to 5:30pm')
    expect(email.body.text).toContain(MANAGE_URL)
    expect(email.body.html).toContain(
      '<h1 style="font-size:24px;line-height:1.25;margin:0 0 16px">Booking confirmed:',
    )
    expect(email.attachments).toHaveLength(1)
    expect(email.attachments[0]).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar' })
    const ics = Buffer.from(email.attachments[0]?.content ?? '', 'base64').toString('utf8')
    expect(ics).toContain('UID:bk_0001-1@training.example.org')
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261201T160000')
  })
})
