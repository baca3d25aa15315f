import { SESClient } from '@aws-sdk/client-ses'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import {
  type BookingDeps,
  bookSession,
  cancelBooking,
  DEFAULT_POLICY,
  hmacTokens,
  randomIds,
  systemClock,
} from '@ey/domain'
import { createDynamoBookingRepository, createOutboxStore } from '@ey/dynamodb'
import { LOCAL_CREDENTIALS, type StreamPoller, startStreamPoller } from '@ey/local-stack'
import { createSesMailer } from '@ey/mail'
import { createMailHandler } from '@ey/mail-function'
import { localAuthorities } from '@ey/reference-data'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createTestTable, localDynamoConfig, storeSessions, type TestTable } from '../../support/dynamo.ts'
import { makePerson, makeSession } from '../../support/factories.ts'
import { type SentEmail, uniqueAddress, waitForEmails } from '../../support/ses.ts'

const SECRET = 'a-test-secret-that-is-long-enough-32'
const DAY = 86_400_000

/** A one-place online session a month ahead: the second booker waits, then takes the freed place. */
const onlineSession = (id: string) =>
  makeSession({
    id,
    courseId: 'makaton-taster',
    title: 'Makaton taster',
    startsAt: new Date(Date.now() + 30 * DAY),
    joiningUrl: 'https://meet.example.org/j/makaton',
    capacity: 1,
  })

function calendarOf(email: SentEmail | undefined): string {
  const ics = email?.attachments.find((attachment) => attachment.filename === 'invite.ics')
  return ics ? Buffer.from(ics.content, 'base64').toString('utf8') : ''
}

describe('booking emails, from the outbox through the stream to SES', () => {
  let table: TestTable
  let deps: BookingDeps
  let poller: StreamPoller

  beforeAll(async () => {
    table = await createTestTable()
    const bookings = createDynamoBookingRepository({ doc: table.doc, tableName: table.tableName })
    deps = {
      bookings,
      clock: systemClock,
      ids: randomIds,
      tokens: hmacTokens(SECRET),
      las: localAuthorities,
      policy: DEFAULT_POLICY,
    }
    const ses = new SESClient({
      endpoint: inject('sesEndpoint'),
      region: 'eu-west-2',
      credentials: LOCAL_CREDENTIALS,
    })
    const handler = createMailHandler({
      outbox: createOutboxStore({ doc: table.doc, tableName: table.tableName }),
      bookings,
      tokens: deps.tokens,
      mailer: createSesMailer({ ses, from: 'Early years SEND training <bookings@training.example.org>' }),
      clock: systemClock,
      siteUrl: 'https://training.example.org',
      calendarDomain: 'training.example.org',
      logger: { info: () => {}, warn: () => {}, error: () => {} },
    })
    poller = startStreamPoller({
      client: localDynamoConfig(),
      tableName: table.tableName,
      handler,
      pollIntervalMs: 50,
    })
  })

  afterAll(async () => {
    await poller?.stop()
  })

  it('confirms, queues, cancels and promotes by email, each with the right calendar file', async () => {
    await storeSessions(table, onlineSession('makaton-1'))
    const first = uniqueAddress('first')
    const second = uniqueAddress('second')

    const booked = await bookSession(deps, {
      sessionId: 'makaton-1',
      idempotencyKey: 'first-key',
      person: makePerson({ email: first, name: 'Grace Obi' }),
    })
    await poller.drain()
    const queued = await bookSession(deps, {
      sessionId: 'makaton-1',
      idempotencyKey: 'second-key',
      person: makePerson({ email: second, name: 'Tom Reid' }),
    })
    await poller.drain()
    await cancelBooking(deps, booked.booking.id, booked.manageToken)
    await poller.drain()

    const [confirmed, cancelled] = await waitForEmails(first, 2)
    const [waiting, promoted] = await waitForEmails(second, 2)
    expect(confirmed?.subject).toBe('Booking confirmed: Makaton taster')
    expect(confirmed?.body.text).toContain('https://meet.example.org/j/makaton')
    expect(confirmed?.body.text).toContain(
      `https://training.example.org/manage#id=${booked.booking.id}&token=${booked.manageToken}`,
    )
    expect(calendarOf(confirmed)).toContain('METHOD:PUBLISH')
    expect(cancelled?.subject).toBe('Booking cancelled: Makaton taster')
    expect(cancelled?.body.text).not.toContain('meet.example.org')
    expect(calendarOf(cancelled)).toContain('METHOD:CANCEL')
    expect(calendarOf(cancelled)).toContain(`UID:${booked.booking.id}-1@training.example.org`)
    expect(waiting?.body.text).toContain('Your place in the queue: Number 1')
    expect(waiting?.body.text).not.toContain('meet.example.org')
    expect(waiting?.attachments).toEqual([])
    expect(promoted?.subject).toBe('A place has come free: you are booked on Makaton taster')
    expect(promoted?.body.text).toContain(queued.booking.reference)
    expect(promoted?.body.text).toContain('https://meet.example.org/j/makaton')
    expect(calendarOf(promoted)).toContain(`UID:${queued.booking.id}-1@training.example.org`)

    const { Items = [] } = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: '#type = :outbox',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':outbox': 'outbox' },
        ConsistentRead: true,
      }),
    )
    expect(Items.map((item) => [item.kind, item.status]).sort()).toEqual([
      ['booking-cancelled', 'sent'],
      ['booking-confirmed', 'sent'],
      ['booking-promoted', 'sent'],
      ['booking-waitlisted', 'sent'],
    ])
  })
})
