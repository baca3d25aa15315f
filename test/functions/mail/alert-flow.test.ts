import { createApp, wireApi } from '@ey/api'
import { askForInterestAlert, scheduleSession } from '@ey/domain'
import type { StreamPoller } from '@ey/local-stack'
import type { SendRawEmailCommand } from '@ey/mail/ses'
import { type CoreDeps, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { fakeClock, LEEDS, makeCourse, makeSessionInput, NOW } from '../../support/factories.ts'
import { emulatorSes, startMailFlow } from '../../support/mail-flow.ts'
import { uniqueAddress, waitForEmails } from '../../support/ses.ts'
import { testApiConfig } from '../api/support.ts'

describe('an interest alert, from the outbox through the stream to SES, and stopped by one click', () => {
  let table: TestTable
  let deps: CoreDeps
  let poller: StreamPoller
  /** The raw MIME messages handed to SES, as sent (the emulator keeps no header of its own). */
  const raws: string[] = []

  beforeAll(async () => {
    table = await createTestTable()
    const ses = emulatorSes()
    const send = ses.send.bind(ses)
    ses.send = ((command: SendRawEmailCommand) => {
      const data = command.input.RawMessage?.Data
      if (data) raws.push(Buffer.from(data).toString('utf8'))
      return send(command)
    }) as typeof ses.send
    const config = { ...testApiConfig(table), mailFrom: 'bookings@training.example.org' }
    deps = wireCore(config, table, { clock: fakeClock() })
    await deps.catalogue.putCourse(makeCourse())
    poller = startMailFlow(table, config, { ses, clock: fakeClock() })
  })

  afterAll(async () => {
    await poller?.stop()
  })

  it('emails once for the first matching session, with a List-Unsubscribe address that stops it', async () => {
    const email = uniqueAddress('alert')
    await askForInterestAlert(deps, { courseId: 'slcn-core', email, laCode: LEEDS, scope: 'online' })
    const online = (date: string) =>
      makeSessionInput({ parts: [{ date, startTime: '16:00', endTime: '17:30' }], format: 'online' })
    await scheduleSession(deps, online('2026-03-17'))
    await poller.drain()
    await scheduleSession(deps, online('2026-03-24'))
    await poller.drain()

    const [sent, ...more] = await waitForEmails(email, 1)
    expect(more).toEqual([])
    expect(sent?.subject).toBe(`New date: ${makeCourse().title}`)
    expect(sent?.body.text).toContain('Tuesday 17 March 2026, 4pm to 5:30pm')

    const raw = raws.find((text) => text.includes(email))?.replace(/\r\n[ \t]+/g, ' ') ?? ''
    const unsubscribe = /^List-Unsubscribe: <([^>]+)>\r$/m.exec(raw)?.[1]
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m)
    expect(unsubscribe).toMatch(/^https:\/\/training\.example\.org\/api\/alerts\/[^/]+\/stop\?token=/)

    // A mail client's one-click: a POST to that address, no sign-in, no header of ours.
    const api = createApp(wireApi(testApiConfig(table), table, { clock: fakeClock(NOW) }))
    const url = new URL(unsubscribe ?? '')
    const res = await api.request(`${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    const alertId = url.pathname.split('/')[3] ?? ''
    expect(await deps.alerts.getAlert(alertId)).toMatchObject({ status: 'stopped' })
  })
})
