import { bookSession, invitationMessageId, preReminderAt } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { findJob, type Job, type JobDeps, runJob, wireJobs } from '@ey/jobs-function'
import type { StreamPoller } from '@ey/local-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../../support/dynamo.ts'
import {
  type FakeClock,
  fakeClock,
  MINUTE,
  makePerson,
  makeQuestionnaireResponse,
  makeSession,
  partAt,
} from '../../support/factories.ts'
import { emulatorSes, startMailFlow } from '../../support/mail-flow.ts'
import { emailsSentTo, uniqueAddress, waitForEmails } from '../../support/ses.ts'
import { testSenderConfig } from '../../support/wiring.ts'

// A session on Monday 16 March 2026, 4pm to 5:30pm London time (GMT), booked a week before; post
// closes 14 days of 24 hours after the end, 6:30pm once the clocks have gone forward.
const START = '2026-03-16T16:00:00.000Z'
const END = new Date('2026-03-16T17:30:00.000Z')
const after = (instant: Date | string, ms: number) => new Date(new Date(instant).getTime() + ms)

const job: Job = findJob('questionnaire-invitations') as Job

describe('questionnaire-invitations on DynamoDB Local, through the mail flow to the SES emulator', () => {
  let table: TestTable
  let deps: JobDeps & { clock: FakeClock }
  let poller: StreamPoller
  const clock = fakeClock('2026-03-09T09:00:00.000Z')

  beforeAll(async () => {
    table = await createTestTable()
    const ses = emulatorSes()
    const config = testSenderConfig(table)
    const silent = { info: () => {}, warn: () => {}, error: () => {} }
    deps = wireJobs(config, { doc: table.doc, ses }, { clock, logger: silent }) as typeof deps
    poller = startMailFlow(table, config, { ses, clock })
  })

  afterAll(() => poller?.stop())

  const stored = async (key: { pk: string; sk: string }) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true })))
      .Item
  const outboxItem = (id: string) => stored(keys.outbox(id))

  /** Runs the job as at the clock's time, and lets the stream deliver what it queued. */
  async function runAt(instant: Date | string) {
    clock.set(instant)
    const { report } = await runJob(job, deps)
    await poller.drain()
    return report
  }

  it('sends pre once, the 2-day reminder only to whoever has not answered, and post once attended and ended', async () => {
    await storeSessions(table, makeSession({ id: 'invite-1', capacity: 5, parts: [partAt(START)] }))
    const [ada, bea] = [uniqueAddress('ada'), uniqueAddress('bea')]
    const book = async (email: string) =>
      (
        await bookSession(deps, {
          sessionId: 'invite-1',
          idempotencyKey: email,
          person: makePerson({ email }),
        })
      ).booking
    const adaBooking = await book(ada)
    const beaBooking = await book(bea)
    await poller.drain()
    const confirmations = (await emailsSentTo(ada)).length

    expect(await runAt(after(clock.now(), 10 * MINUTE))).toEqual({ looked: 1, queued: 2, finished: 0 })
    const [pre] = (await waitForEmails(ada, confirmations + 1)).slice(confirmations)
    expect(pre?.subject).toBe('A questionnaire before Speech, language and communication: core')
    expect(pre?.body.text).toMatch(
      new RegExp(`/questionnaire/#id=${adaBooking.id}&token=[\\w-]+&kind=pre\\n`),
    )
    expect(pre?.body.text).toContain('The questionnaire closes at 4pm on Monday 16 March 2026.')

    // Each place's look was done with at that run: the next finds nothing due and reads no bookings.
    expect(await stored(keys.placeLook('invite-1', adaBooking.id))).toBeUndefined()
    expect(await runAt(after(clock.now(), 5 * MINUTE))).toEqual({ looked: 0, queued: 0, finished: 0 })
    expect(await emailsSentTo(ada)).toHaveLength(confirmations + 1)

    await deps.questionnaires.saveResponse(
      makeQuestionnaireResponse({
        bookingId: adaBooking.id,
        sessionId: 'invite-1',
        kind: 'pre',
        answers: { confidence: 3 },
      }),
    )
    expect(await runAt(preReminderAt({ parts: [partAt(START)] }))).toEqual({
      looked: 1,
      queued: 1,
      finished: 0,
    })
    const [reminder] = (await waitForEmails(bea, confirmations + 2)).slice(confirmations + 1)
    expect(reminder?.subject).toBe(
      'Reminder: a questionnaire before Speech, language and communication: core',
    )
    expect(await outboxItem(invitationMessageId(adaBooking.id, 'pre-reminder'))).toBeUndefined()
    expect(await emailsSentTo(ada)).toHaveLength(confirmations + 1)

    await deps.bookings.changeStatus({
      bookingId: adaBooking.id,
      from: 'confirmed',
      to: 'attended',
      by: 'trainer',
      at: new Date(START),
    })
    expect(await runAt(after(END, MINUTE))).toEqual({ looked: 1, queued: 1, finished: 0 })
    const [post] = (await waitForEmails(ada, confirmations + 2)).slice(confirmations + 1)
    expect(post?.subject).toBe(
      'After Speech, language and communication: core: a questionnaire and your certificate',
    )
    expect(post?.body.text).toMatch(
      new RegExp(`/questionnaire/#id=${adaBooking.id}&token=[\\w-]+&kind=post\\n`),
    )
    expect(post?.body.text).toContain('The questionnaire closes at 6:30pm on Monday 30 March 2026.')
    expect(post?.body.text).toContain(
      'Your certificate of attendance comes once you have answered the questionnaire',
    )

    expect(await runAt(after(END, 2 * 60 * MINUTE))).toEqual({ looked: 1, queued: 0, finished: 0 })
    expect(await emailsSentTo(ada)).toHaveLength(confirmations + 2)
    expect(await emailsSentTo(bea)).toHaveLength(confirmations + 2)
    expect(beaBooking.status).toBe('confirmed')
  })
})
