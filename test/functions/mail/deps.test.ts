import { mailClients, mailConfigFromEnv, wireMail } from '@ey/mail-function'
import { type Env, requireEnv } from '@ey/runtime'
import { describe, expect, it } from 'vitest'

const ENV = {
  TABLE_NAME: 'bookings',
  SITE_URL: 'https://training.example.org',
  MAIL_FROM: 'Early years SEND training <bookings@training.example.org>',
  MANAGE_TOKEN_SECRET: 'a-test-secret-that-is-long-enough-32',
  AWS_REGION: 'eu-west-2',
}

/** What the Lambda entry does with its environment. */
async function wired(env: Env) {
  const config = await mailConfigFromEnv(env)
  return wireMail(config, mailClients(config))
}

describe('the mail function’s configuration', () => {
  it.each(['TABLE_NAME', 'SITE_URL', 'MAIL_FROM', 'MANAGE_TOKEN_SECRET'])(
    'refuses to start without %s, naming it',
    async (name) => {
      await expect(wired({ ...ENV, [name]: '' })).rejects.toThrow(`Missing environment variable ${name}`)
    },
  )

  it('takes the calendar domain and organiser from the site address and the sender', async () => {
    const deps = await wired(ENV)

    expect(deps.calendarDomain).toBe('training.example.org')
    expect(deps.organizer).toEqual({
      name: 'Early years SEND training',
      email: 'bookings@training.example.org',
    })
  })

  it('reads a variable that is set', () => {
    expect(requireEnv('TABLE_NAME', ENV)).toBe('bookings')
  })
})
