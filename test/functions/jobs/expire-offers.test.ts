import { type Booking, bookSession, cancelBooking } from '@ey/domain'
import { ScanCommand } from '@ey/dynamodb/client'
import { createJobsHandler, type JobDeps, wireJobs } from '@ey/jobs-function'
import type { StreamPoller } from '@ey/local-stack'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../../support/dynamo.ts'
import { type FakeClock, fakeClock, makePerson, makeSession } from '../../support/factories.ts'
import { emulatorSes, startMailFlow } from '../../support/mail-flow.ts'
import { emailsSentTo, uniqueAddress, waitForEmails } from '../../support/ses.ts'
import { testSenderConfig } from '../../support/wiring.ts'

// One place on Monday 16 March 2026 at 16:00 London time.
const START = new Date('2026-03-16T16:00:00.000Z')

describe('expire-offers on DynamoDB Local, through the jobs handler and the mail flow', () => {
  let table: TestTable
  let deps: JobDeps & { clock: FakeClock }
  let poller: StreamPoller

  beforeAll(async () => {
    table = await createTestTable()
    const ses = emulatorSes()
    const config = testSenderConfig(table)
    const silent = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    deps = wireJobs(
      config,
      { doc: table.doc, ses },
      {
        clock: fakeClock('2026-03-10T09:00:00.000Z'),
        logger: silent,
      },
    ) as typeof deps
    poller = startMailFlow(table, config, { ses })
  })

  afterAll(() => poller?.stop())

  async function outboxKinds(booking: Booking): Promise<string[]> {
    const { Items = [] } = await table.doc.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: '#type = :outbox AND bookingId = :id',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':outbox': 'outbox', ':id': booking.id },
        ConsistentRead: true,
      }),
    )
    return Items.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt))).map(
      (item) => item.kind,
    )
  }

  it('expires B at its deadline + 1 s and offers C the place, one email each; a second run changes nothing', async () => {
    await storeSessions(table, makeSession({ id: 'expiry-1', capacity: 1, startsAt: START }))
    const [a, b, c] = [uniqueAddress('a'), uniqueAddress('b'), uniqueAddress('c')]
    const book = (email: string) =>
      bookSession(deps, {
        sessionId: 'expiry-1',
        idempotencyKey: `key-${email}`,
        person: makePerson({ email }),
      })
    const booked = await book(a)
    const waitingB = (await book(b)).booking
    const waitingC = (await book(c)).booking

    // A cancels on the day (inside 24 hours): the place is offered to B for four hours.
    deps.clock.set('2026-03-16T04:00:00.000Z')
    await cancelBooking(deps, booked.booking.id, booked.manageToken)
    const offeredB = await deps.bookings.getBooking(waitingB.id)
    expect(offeredB).toMatchObject({ status: 'offered', offerExpiresAt: '2026-03-16T08:00:00.000Z' })
    await poller.drain()
    const before = { b: (await emailsSentTo(b)).length, c: (await emailsSentTo(c)).length }
    const held = (await deps.bookings.getSession('expiry-1'))?.heldCount

    deps.clock.set(new Date(new Date(offeredB?.offerExpiresAt ?? 0).getTime() + 1_000))
    const run = createJobsHandler(deps)
    await expect(run({ job: 'expire-offers' })).resolves.toMatchObject({
      job: 'expire-offers',
      now: '2026-03-16T08:00:01.000Z',
      report: { expired: 1, promoted: 1, skipped: 0 },
    })

    expect(await deps.bookings.getBooking(waitingB.id)).toMatchObject({ status: 'expired' })
    expect(await deps.bookings.getBooking(waitingC.id)).toMatchObject({
      status: 'offered',
      offerExpiresAt: '2026-03-16T12:00:01.000Z',
    })
    expect(await deps.bookings.getSession('expiry-1')).toMatchObject({ heldCount: held, waitingCount: 0 })
    expect(await outboxKinds(waitingB)).toEqual(['booking-waitlisted', 'place-offered', 'offer-expired'])
    expect(await outboxKinds(waitingC)).toEqual(['booking-waitlisted', 'place-offered'])
    const [expiredEmail] = (await waitForEmails(b, before.b + 1)).slice(before.b)
    const [offerEmail] = (await waitForEmails(c, before.c + 1)).slice(before.c)
    expect(expiredEmail?.subject).toMatch(/^Place no longer held: /)
    expect(offerEmail?.subject).toMatch(/^Place available on .* – reply by midday on Monday 16 March 2026$/)

    await expect(run({ job: 'expire-offers' })).resolves.toMatchObject({
      report: { expired: 0, promoted: 0, skipped: 0 },
    })
    await poller.drain()
    expect((await emailsSentTo(b)).length).toBe(before.b + 1)
    expect((await emailsSentTo(c)).length).toBe(before.c + 1)
    expect(await outboxKinds(waitingB)).toHaveLength(3)
    expect(await outboxKinds(waitingC)).toHaveLength(2)
  })
})
