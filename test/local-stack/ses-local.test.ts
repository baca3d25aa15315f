import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses'
import { clearSentEmails, LOCAL_CREDENTIALS, readSentEmails, startSesEmulator } from '@ey/local-stack'
import { describe, expect, inject, it } from 'vitest'
import { answersBeyondLoopback } from '../support/loopback.ts'
import { uniqueAddress, waitForEmail } from '../support/ses.ts'

function sesClient(endpoint: string): SESClient {
  return new SESClient({ endpoint, region: 'eu-west-2', credentials: LOCAL_CREDENTIALS })
}

async function send(endpoint: string, to: string, subject: string): Promise<void> {
  await sesClient(endpoint).send(
    new SendEmailCommand({
      Source: 'bookings@example.test',
      Destination: { ToAddresses: [to] },
      Message: { Subject: { Data: subject }, Body: { Text: { Data: 'See you there.' } } },
    }),
  )
}

describe('SES emulator', () => {
  it('listens on 127.0.0.1 alone', async () => {
    expect(await answersBeyondLoopback(Number(new URL(inject('sesEndpoint')).port))).toBe(false)
  })

  it('keeps each email sent through the SES API, found by its recipient even with a display name', async () => {
    const address = uniqueAddress()
    await send(inject('sesEndpoint'), `Sam Example <${address.toUpperCase()}>`, 'Your place is booked')

    const email = await waitForEmail(address)
    expect(email).toMatchObject({
      from: 'bookings@example.test',
      subject: 'Your place is booked',
      body: { text: 'See you there.' },
    })
  })

  it('answers only the emails stored since a given second when asked', async () => {
    const address = uniqueAddress()
    await send(inject('sesEndpoint'), address, 'Just now')
    await waitForEmail(address)
    const second = Math.floor(Date.now() / 1000)

    const recent = await readSentEmails(inject('sesEndpoint'), second - 1)
    expect(recent.map((email) => email.subject)).toContain('Just now')
    expect(await readSentEmails(inject('sesEndpoint'), second + 60)).toEqual([])
  })

  it('clears its store on request and frees its port when stopped', async () => {
    const ses = await startSesEmulator({})
    await send(ses.endpoint, uniqueAddress(), 'First')
    expect(await readSentEmails(ses.endpoint)).toHaveLength(1)

    await clearSentEmails(ses.endpoint)
    expect(await readSentEmails(ses.endpoint)).toEqual([])

    await ses.stop()
    await expect(fetch(`${ses.endpoint}/health-check`)).rejects.toThrow()
  })
})
