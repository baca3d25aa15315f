import { AwsServiceException } from '@ey/aws-http'
import { OUTBOX_MAX_ATTEMPTS, OUTBOX_STREAM_GRACE_MS, type OutboxMessage, type SweepReport } from '@ey/domain'
import { bookingItem, createOutboxStore, keys, outboxItem } from '@ey/dynamodb'
import { GetCommand, PutCommand } from '@ey/dynamodb/client'
import { findJob, runJob, wireJobs } from '@ey/jobs-function'
import { LOCAL_CREDENTIALS } from '@ey/local-stack'
import { SESClient, SendRawEmailCommand } from '@ey/mail/ses'
import { createMailHandler, wireMail } from '@ey/mail-function'
import { beforeEach, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { fakeClock, MINUTE, makeBooking, makeOutboxMessage, NOW } from '../../support/factories.ts'
import { scriptedSends } from '../../support/scripted-sends.ts'
import { insertRecord, streamEvent } from '../../support/stream.ts'
import { testSenderConfig } from '../../support/wiring.ts'

const ses = new SESClient({ region: 'eu-west-2', credentials: LOCAL_CREDENTIALS })
const sesMock = scriptedSends(ses)
const booking = makeBooking()
const silent = { info: () => {}, warn: () => {}, error: () => {} }

function throttled() {
  return new AwsServiceException('Throttling', {
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: 'Maximum sending rate exceeded.',
  })
}

// A table per test: the sweeper reads every item due, and each test moves its own clock.
let table: TestTable
beforeEach(async () => {
  sesMock.reset()
  table = await createTestTable()
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: bookingItem.to(booking) }))
})

/**
 * The mail function (the stream's handler) and the jobs function (the sweeper, as the registry
 * runs it) wired as their Lambda entries wire them, over the test table (holding the one booking)
 * and the mocked SES, on a clock the test moves.
 */
function wired() {
  const clock = fakeClock()
  const config = testSenderConfig(table)
  const mail = wireMail(config, { doc: table.doc, ses }, { clock, logger: silent })
  const jobs = wireJobs(config, { doc: table.doc, ses }, { clock, logger: silent })
  const job = findJob('sweep-outbox')
  if (!job) throw new Error('sweep-outbox is not registered')
  const sweep = async () => (await runJob(job, jobs, clock.now())).report as SweepReport
  return { clock, sweep, handle: createMailHandler(mail) }
}

/** Queues a message as a booking change does, and the stream record of its insert. */
async function queue(message: OutboxMessage = makeOutboxMessage()) {
  await createOutboxStore(table).enqueue(message)
  return { message, record: insertRecord(outboxItem.to(message)) }
}

async function stateOf(id: string) {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: keys.outbox(id), ConsistentRead: true }),
  )
  return Item
}

/** When the item is next due, from its gsi4 sort key. */
async function dueAt(id: string): Promise<Date | undefined> {
  const dueSk = (await stateOf(id))?.dueSk
  return typeof dueSk === 'string' ? new Date(dueSk.split('#')[0] as string) : undefined
}

const sendCalls = () => sesMock.calls(SendRawEmailCommand)

describe('no outbox email is lost: the stream first, then the sweeper', () => {
  it('sends once, losing nothing, when SES fails the first attempts (the stream’s and the sweeper’s)', async () => {
    const failures = 4
    const mock = sesMock.on(SendRawEmailCommand)
    for (let i = 0; i < failures; i++) mock.rejectsOnce(throttled())
    mock.resolves({ MessageId: 'ses-after-throttling' })
    const { clock, sweep, handle } = wired()
    const { message, record } = await queue()

    expect(await handle(streamEvent(record))).toEqual({ batchItemFailures: [] })
    const sweeps = []
    for (let next = await dueAt(message.id); next; next = await dueAt(message.id)) {
      clock.set(next)
      sweeps.push(await sweep())
    }

    expect(sendCalls()).toHaveLength(failures + 1)
    expect(sweeps.map((report) => report.sent)).toEqual([0, 0, 0, 1])
    expect(await stateOf(message.id)).toMatchObject({
      status: 'sent',
      messageId: 'ses-after-throttling',
      attempts: failures,
    })
    clock.advance(24 * 60 * MINUTE)
    expect((await sweep()).due).toBe(0)
    expect(sendCalls()).toHaveLength(failures + 1)
  })

  it.each([
    [
      'times out',
      () => Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }),
    ],
    [
      'drops the connection',
      () => Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' }),
    ],
    [
      'fails on its side',
      () =>
        new AwsServiceException('InternalFailure', {
          $fault: 'server',
          $metadata: { httpStatusCode: 500 },
          message: 'An internal error occurred.',
        }),
    ],
  ])('sends once through the sweeper when SES %s on the stream’s attempt', async (_what, failure) => {
    sesMock.on(SendRawEmailCommand).rejectsOnce(failure()).resolves({ MessageId: 'ses-after-timeout' })
    const { clock, sweep, handle } = wired()
    const { message, record } = await queue()

    expect(await handle(streamEvent(record))).toEqual({ batchItemFailures: [] })
    expect(await stateOf(message.id)).toMatchObject({ status: 'pending', attempts: 1 })
    const next = await dueAt(message.id)
    if (!next) throw new Error('the email is not due again')
    clock.set(next)

    expect((await sweep()).sent).toBe(1)
    expect(await stateOf(message.id)).toMatchObject({ status: 'sent', messageId: 'ses-after-timeout' })
    clock.advance(24 * 60 * MINUTE)
    expect((await sweep()).due).toBe(0)
    expect(sendCalls()).toHaveLength(2)
  })

  it('picks up an email the stream never delivered once the grace period is over', async () => {
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-swept' })
    const { clock, sweep } = wired()
    const { message } = await queue()

    clock.set(new Date(NOW.getTime() + OUTBOX_STREAM_GRACE_MS - 1))
    expect((await sweep()).sent).toBe(0)
    clock.set(new Date(NOW.getTime() + OUTBOX_STREAM_GRACE_MS))
    expect((await sweep()).sent).toBe(1)

    expect(await stateOf(message.id)).toMatchObject({ status: 'sent', messageId: 'ses-swept' })
  })

  it('takes over a claim abandoned mid-send once it is stale, and sends once', async () => {
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-taken-over' })
    const { clock, sweep } = wired()
    const { message } = await queue()
    // A sender claims the item, then dies before sending or marking it.
    await createOutboxStore(table).claim(message.id, NOW)

    clock.set(new Date(NOW.getTime() + 4 * MINUTE))
    expect((await sweep()).sent).toBe(0)
    const stale = await dueAt(message.id)
    clock.set(stale ?? NOW)
    expect((await sweep()).sent).toBe(1)

    expect(sendCalls()).toHaveLength(1)
    expect(stale).toEqual(new Date(NOW.getTime() + 5 * MINUTE))
    expect(await stateOf(message.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      lastError: 'ClaimAbandoned',
    })
  })

  it(`parks an email after its ${OUTBOX_MAX_ATTEMPTS}th failed attempt; resent, it goes once`, async () => {
    sesMock.on(SendRawEmailCommand).rejects(throttled())
    const { clock, sweep, handle } = wired()
    const outbox = createOutboxStore(table)
    const { message, record } = await queue()

    await handle(streamEvent(record))
    for (let next = await dueAt(message.id); next; next = await dueAt(message.id)) {
      clock.set(next)
      await sweep()
    }
    expect(sendCalls()).toHaveLength(OUTBOX_MAX_ATTEMPTS)
    expect(await stateOf(message.id)).toMatchObject({ status: 'failed', attempts: OUTBOX_MAX_ATTEMPTS })
    expect(
      (await outbox.problems(10_000)).find((problem) => problem.message.id === message.id),
    ).toMatchObject({
      status: 'failed',
      lastError: 'Throttling',
    })

    sesMock.reset()
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-resent' })
    clock.advance(MINUTE)
    expect(await outbox.resend(message.id, clock.now())).toEqual(message)
    expect(await outbox.resend(message.id, clock.now())).toBeUndefined()
    expect((await sweep()).sent).toBe(1)
    clock.advance(60 * MINUTE)
    expect((await sweep()).due).toBe(0)

    expect(sendCalls()).toHaveLength(1)
    expect(await stateOf(message.id)).toMatchObject({ status: 'sent', messageId: 'ses-resent' })
  })

  it('sends once when the sweeper and the stream race for the same emails', async () => {
    sesMock.on(SendRawEmailCommand).callsFake(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20))
      return { MessageId: `ses-${crypto.randomUUID()}` }
    })
    const { clock, sweep, handle } = wired()
    const queued = await Promise.all(Array.from({ length: 20 }, () => queue()))
    clock.set(new Date(NOW.getTime() + OUTBOX_STREAM_GRACE_MS))

    const [streamed, swept] = await Promise.all([
      handle(streamEvent(...queued.map(({ record }) => record))),
      sweep(),
    ])

    expect(sendCalls()).toHaveLength(20)
    expect(swept.sent).toBeLessThan(20)
    expect(streamed.batchItemFailures.length).toBeLessThanOrEqual(swept.sent)
    for (const { message } of queued) expect(await stateOf(message.id)).toMatchObject({ status: 'sent' })
  })
})
