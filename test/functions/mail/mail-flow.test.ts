import { bookSession, cancelBooking } from '@ey/domain'
import { ScanCommand } from '@ey/dynamodb/client'
import type { StreamPoller } from '@ey/local-stack'
import { type CoreDeps, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../../support/dynamo.ts'
import { makePerson, makeSession } from '../../support/factories.ts'
import { startMailFlow } from '../../support/mail-flow.ts'
import { type SentEmail, uniqueAddress, waitForEmails } from '../../support/ses.ts'
import { testSenderConfig } from '../../support/wiring.ts'

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
  let deps: CoreDeps
  let poller: StreamPoller

  beforeAll(async () => {
    table = await createTestTable()
    const config = testSenderConfig(table)
    deps = wireCore(config, table)
    poller = startMailFlow(table, config)
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
