import { AwsServiceException } from '@ey/aws-http'
import type { Booking, BookingEmail, BookingEmailKind, Session } from '@ey/domain'
import { createOutboxStore, keys, outboxItem } from '@ey/dynamodb'
import { GetCommand, PutCommand } from '@ey/dynamodb/client'
import { type DynamoDBRecord, type DynamoDBStreamEvent, LOCAL_CREDENTIALS } from '@ey/local-stack'
import { SESClient, SendRawEmailCommand } from '@ey/mail/ses'
import { createMailHandler, type MailHandlerDeps, wireMail } from '@ey/mail-function'
import { hmacTokens } from '@ey/runtime'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { makeBooking, makeSnapshot, withChange } from '../../support/factories.ts'
import { scriptedSends } from '../../support/scripted-sends.ts'
import { testConfig } from '../../support/wiring.ts'

const NOW = new Date('2026-11-03T09:00:00.000Z')
const ses = new SESClient({ region: 'eu-west-2', credentials: LOCAL_CREDENTIALS })
const sesMock = scriptedSends(ses)

let table: TestTable
let sequence = 0

beforeAll(async () => {
  table = await createTestTable()
})

beforeEach(() => {
  sesMock.reset()
})

function throttled() {
  return new AwsServiceException('Throttling', {
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: 'Maximum sending rate exceeded.',
  })
}

/** A booking and its outbox item, stored; the record is the stream's announcement of the insert. */
async function prepare(
  kind: BookingEmailKind,
  booking: Booking | undefined,
  bookingId = booking?.id ?? 'bk_gone',
) {
  const message: BookingEmail = {
    id: `ob_${++sequence}_${Date.now()}`,
    kind,
    bookingId,
    createdAt: NOW.toISOString(),
  }
  const item = outboxItem.to(message)
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: item }))
  const record: DynamoDBRecord = {
    eventID: `event-${sequence}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    dynamodb: {
      Keys: { pk: { S: item.pk as string }, sk: { S: 'OUTBOX' } },
      NewImage: Object.fromEntries(
        Object.entries(item).map(([name, value]) => [
          name,
          typeof value === 'number' ? { N: String(value) } : { S: String(value) },
        ]),
      ),
      SequenceNumber: String(1000 + sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  }
  return { message, record }
}

async function outboxState(id: string) {
  const { Item } = await table.doc.send(
    new GetCommand({ TableName: table.tableName, Key: keys.outbox(id), ConsistentRead: true }),
  )
  return Item
}

const config = () => ({
  ...testConfig(table),
  siteUrl: 'https://training.example.org/',
  mailFrom: 'EY SEND training <bookings@training.example.org>',
  sesConfigurationSet: 'ey-mail',
})
const tokens = () => hmacTokens(config().manageTokenSecret)

/** The handler as the Lambda wires it, but reading the given bookings, at `NOW` and with a spy logger. */
function makeHandler(bookings: Booking[], overrides: Partial<MailHandlerDeps> = {}) {
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const deps = wireMail(
    config(),
    { doc: table.doc, ses },
    {
      bookings: {
        getBooking: async (id) => bookings.find((booking) => booking.id === id),
        getSession: async () => undefined,
        waitlistPosition: async () => 2,
      },
      clock: { now: () => NOW },
      random: () => 0.5,
      logger,
      ...overrides,
    },
  )
  return { handle: createMailHandler(deps), logger }
}

const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records })

function sentRaw(call = 0): string {
  const input = sesMock.calls(SendRawEmailCommand)[call]?.input
  return Buffer.from(input?.RawMessage?.Data ?? new Uint8Array()).toString('utf8')
}

describe('the mail handler', () => {
  it('sends the email with its calendar file and marks the item sent with the SES message id', async () => {
    const booking = makeBooking({ id: 'bk_sent' })
    const { message, record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-1' })
    const { handle } = makeHandler([booking])

    const result = await handle(event(record))

    expect(result).toEqual({ batchItemFailures: [] })
    expect(sesMock.calls(SendRawEmailCommand)).toHaveLength(1)
    expect(sesMock.calls(SendRawEmailCommand)[0]?.input.ConfigurationSetName).toBe('ey-mail')
    const raw = sentRaw()
    expect(raw).toMatch(/^To: amira\.khan@example\.test/m)
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=invite\.ics/m)
    expect(await outboxState(message.id)).toMatchObject({
      status: 'sent',
      messageId: 'ses-message-1',
      attempts: 0,
      expiresAt: Math.floor(NOW.getTime() / 1000) + 30 * 86_400,
    })
  })

  it('links to the manage page with the booking’s token in the fragment', async () => {
    const booking = makeBooking({ id: 'bk_link' })
    const { record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-2' })
    const { handle } = makeHandler([booking])

    await handle(event(record))

    const token = tokens().issue('bk_link')
    const text = sentRaw()
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=')
    expect(text).toContain(`https://training.example.org/manage#id=bk_link&token=${token}`)
  })

  it('leaves a throttled send to the sweeper: back to pending with attempts 1, due again after its backoff', async () => {
    const booking = makeBooking({ id: 'bk_throttled' })
    const { message, record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).rejects(throttled())
    const { handle } = makeHandler([booking])

    const result = await handle(event(record))

    expect(result).toEqual({ batchItemFailures: [] })
    const state = await outboxState(message.id)
    expect(state).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Throttling',
      duePk: 'DUE#outbox',
      // The first retry waits between one and two minutes (equal jitter; the test's random gives half).
      dueSk: `${new Date(NOW.getTime() + 90_000).toISOString()}#${message.id}`,
    })
    expect(state).not.toHaveProperty('claimedAt')
  })

  it('sends when a throttled record comes round again, without counting another failure', async () => {
    const booking = makeBooking({ id: 'bk_retried' })
    const { message, record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).rejectsOnce(throttled()).resolves({ MessageId: 'ses-message-3' })
    const { handle } = makeHandler([booking])

    await handle(event(record))
    const retry = await handle(event(record))

    expect(retry).toEqual({ batchItemFailures: [] })
    const state = await outboxState(message.id)
    expect(state).toMatchObject({ status: 'sent', messageId: 'ses-message-3', attempts: 1 })
    expect(state).not.toHaveProperty('duePk')
  })

  it('keeps the other records of the batch going when one cannot be claimed, and reports only that one', async () => {
    const first = makeBooking({ id: 'bk_first' })
    const second = makeBooking({ id: 'bk_second' })
    const a = await prepare('booking-confirmed', first)
    const b = await prepare('booking-confirmed', second)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-4' })
    const store = createOutboxStore({ doc: table.doc, tableName: table.tableName })
    const outbox = {
      ...store,
      claim: async (id: string, now: Date) => {
        if (id === a.message.id) throw new Error('DynamoDB unavailable')
        return store.claim(id, now)
      },
    }
    const { handle } = makeHandler([first, second], { outbox })

    const result = await handle(event(a.record, b.record))

    expect(result.batchItemFailures).toEqual([{ itemIdentifier: a.record.dynamodb?.SequenceNumber }])
    expect(await outboxState(a.message.id)).toMatchObject({ status: 'pending', attempts: 0 })
    expect(await outboxState(b.message.id)).toMatchObject({ status: 'sent', messageId: 'ses-message-4' })
  })

  it('never records or logs the address that SES quotes in a refusal', async () => {
    const booking = makeBooking({ id: 'bk_refused' })
    const { message, record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).rejects(
      new AwsServiceException('MessageRejected', {
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message:
          'Email address is not verified. The following identities failed the check: amira.khan@example.test',
      }),
    )
    const { handle, logger } = makeHandler([booking])

    await handle(event(record))

    const state = await outboxState(message.id)
    expect(state?.lastError).toBe('MessageRejected')
    const logged = JSON.stringify([logger.info.mock.calls, logger.warn.mock.calls, logger.error.mock.calls])
    expect(logged).not.toContain('amira.khan@example.test')
    expect(logged).not.toContain(tokens().issue('bk_refused'))
    expect(JSON.stringify(state)).not.toContain('amira.khan@example.test')
  })

  it('does not send again when a record that was sent comes round again', async () => {
    const booking = makeBooking({ id: 'bk_once' })
    const { record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-5' })
    const { handle } = makeHandler([booking])

    await handle(event(record))
    const again = await handle(event(record))

    expect(again).toEqual({ batchItemFailures: [] })
    expect(sesMock.calls(SendRawEmailCommand)).toHaveLength(1)
  })

  it('marks the item skipped, sending nothing, when the booking no longer exists', async () => {
    const { message, record } = await prepare('booking-confirmed', undefined)
    const { handle } = makeHandler([])

    const result = await handle(event(record))

    expect(result).toEqual({ batchItemFailures: [] })
    expect(sesMock.calls(SendRawEmailCommand)).toHaveLength(0)
    expect(await outboxState(message.id)).toMatchObject({
      status: 'skipped',
      skipReason: 'booking-not-found',
    })
  })

  it('does not send a confirmation for a booking cancelled since', async () => {
    const booking = withChange(makeBooking({ id: 'bk_stale' }), 'confirmed', 'cancelled')
    const { message, record } = await prepare('booking-confirmed', booking)
    const { handle } = makeHandler([booking])

    await handle(event(record))

    expect(sesMock.calls(SendRawEmailCommand)).toHaveLength(0)
    expect(await outboxState(message.id)).toMatchObject({ status: 'skipped', skipReason: 'superseded' })
  })

  it('leaves an item another invocation is sending for later, and takes it over once that claim is stale', async () => {
    const booking = makeBooking({ id: 'bk_claimed' })
    const { message, record } = await prepare('booking-confirmed', booking)
    const store = createOutboxStore({ doc: table.doc, tableName: table.tableName })
    await store.claim(message.id, NOW)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-6' })
    const minutesLater = (minutes: number) => ({ now: () => new Date(NOW.getTime() + minutes * 60_000) })

    const soon = await makeHandler([booking], { clock: minutesLater(1) }).handle(event(record))
    const later = await makeHandler([booking], { clock: minutesLater(6) }).handle(event(record))

    expect(soon.batchItemFailures).toHaveLength(1)
    expect(later.batchItemFailures).toHaveLength(0)
    expect(sesMock.calls(SendRawEmailCommand)).toHaveLength(1)
    expect(await outboxState(message.id)).toMatchObject({ status: 'sent' })
  })

  it('ignores stream records that do not announce a new outbox item', async () => {
    const booking = makeBooking({ id: 'bk_ignored' })
    const { record } = await prepare('booking-confirmed', booking)
    const modified: DynamoDBRecord = { ...record, eventName: 'MODIFY' }
    const bookingInsert: DynamoDBRecord = {
      ...record,
      dynamodb: { ...record.dynamodb, NewImage: { pk: { S: 'BOOKING#bk_ignored' }, sk: { S: 'BOOKING' } } },
    }
    const { handle } = makeHandler([booking])

    const result = await handle(event(modified, bookingInsert))

    expect(result).toEqual({ batchItemFailures: [] })
    expect(sesMock.calls(SendRawEmailCommand)).toHaveLength(0)
  })

  it('tells someone waiting their place in the queue, with no calendar file', async () => {
    const booking = makeBooking({ id: 'bk_waiting', status: 'waiting', waitlistTicket: 4 })
    const { record } = await prepare('booking-waitlisted', booking)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-7' })
    const { handle } = makeHandler([booking])

    await handle(event(record))

    expect(sentRaw()).toContain('Your place in the queue: Number 2')
    expect(sentRaw()).not.toContain('text/calendar')
  })

  it('gives the joining link of an online session with a confirmation', async () => {
    const booking = makeBooking({
      id: 'bk_online',
      session: makeSnapshot({ format: 'online', venue: undefined }),
    })
    const { record } = await prepare('booking-confirmed', booking)
    sesMock.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-8' })
    const { handle } = makeHandler([booking], {
      bookings: {
        getBooking: async () => booking,
        getSession: async () => ({ joiningUrl: 'https://meet.example.org/j/42' }) as Session,
        waitlistPosition: async () => undefined,
      },
    })

    await handle(event(record))

    expect(sentRaw()).toContain('https://meet.example.org/j/42')
  })
})
