import { composeRawEmail } from '@ey/mail'
import { describe, expect, it } from 'vitest'

const EMAIL = {
  to: 'amira.khan@example.test',
  subject: 'Booking confirmed: Makaton – level 1',
  text: 'Hello Amira,\n',
  html: '<p>Hello Amira,</p>',
  attachments: [
    {
      filename: 'invite.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    },
  ],
}

describe('composeRawEmail', () => {
  it('builds text and HTML as alternatives, with the calendar file attached after them', async () => {
    const raw = (
      await composeRawEmail(EMAIL, { from: 'EY SEND training <bookings@training.example.org>' })
    ).toString()

    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m)
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m)
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8/m)
    expect(raw).toMatch(/^Content-Type: text\/html; charset=utf-8/m)
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=invite\.ics/m)
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=invite\.ics/m)
    expect(raw).toMatch(/^From: EY SEND training <bookings@training\.example\.org>/m)
    expect(raw).toMatch(/^To: amira\.khan@example\.test/m)
    // Non-ASCII subjects are encoded, never sent raw.
    expect(raw).toMatch(/^Subject: =\?UTF-8\?Q\?/m)
  })

  it('leaves out the mixed part when there is nothing to attach', async () => {
    const raw = (
      await composeRawEmail({ ...EMAIL, attachments: [] }, { from: 'bookings@training.example.org' })
    ).toString()

    expect(raw).not.toContain('multipart/mixed')
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m)
  })
})
