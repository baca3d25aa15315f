import { OUTBOX_MAX_ATTEMPTS, type OutgoingEmail } from '@ey/domain'
import { deliverOutboxItem, type OutboxDeliveryDeps } from '@ey/mail'
import { describe, expect, it, vi } from 'vitest'
import { READS_FINDING_NOTHING } from '../../support/delivery-deps.ts'
import { fakeClock, MINUTE, makeBooking, makeOutboxMessage, NOW } from '../../support/factories.ts'
import { createInMemoryOutboxStore } from '../../support/in-memory-outbox.ts'
import { createInMemoryUndeliverable } from '../../support/in-memory-undeliverable.ts'

const booking = makeBooking()

/** Delivery over an in-memory outbox whose mailer fails the first `failures` sends. */
function setUp(failures = 0) {
  const sent: OutgoingEmail[] = []
  let calls = 0
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const undeliverable = createInMemoryUndeliverable()
  const deps: OutboxDeliveryDeps = {
    ...READS_FINDING_NOTHING,
    outbox: createInMemoryOutboxStore(),
    clock: fakeClock(),
    logger,
    random: () => 0,
    bookings: {
      getBooking: async (id) => (id === booking.id ? booking : undefined),
      getSession: async () => undefined,
      waitlistPosition: async () => undefined,
    },
    lookup: { liveBookingsOf: async () => [booking] },
    tokens: { issue: (id) => `token-of-${id}` },
    siteUrl: 'https://training.example.org',
    calendarDomain: 'training.example.org',
    undeliverable,
    mailer: {
      send: async (email) => {
        if (++calls <= failures) throw Object.assign(new Error('Throttled'), { name: 'Throttling' })
        sent.push(email)
        return { messageId: `m-${sent.length}` }
      },
    },
  }
  return {
    deps,
    sent,
    logger,
    undeliverable,
    outbox: deps.outbox as ReturnType<typeof createInMemoryOutboxStore>,
  }
}

describe('deliverOutboxItem', () => {
  it('sends a pending item and closes it', async () => {
    const { deps, sent, outbox } = setUp()
    const message = makeOutboxMessage()
    await outbox.enqueue(message)

    expect(await deliverOutboxItem(deps, message)).toBe('sent')

    expect(sent.map((email) => email.to)).toEqual(['amira.khan@example.test'])
    expect(outbox.item(message.id)).toMatchObject({ status: 'sent', messageId: 'm-1', dueAt: undefined })
  })

  it('skips, never sends, an email to an address that bounced for good or complained', async () => {
    const { deps, sent, outbox, undeliverable } = setUp()
    await undeliverable.mark({
      address: 'Amira.Khan@example.test',
      reason: 'complaint',
      detail: 'abuse',
      at: NOW.toISOString(),
    })
    const message = makeOutboxMessage()
    await outbox.enqueue(message)

    expect(await deliverOutboxItem(deps, message)).toBe('skipped')

    expect(sent).toEqual([])
    expect(outbox.item(message.id)).toMatchObject({ status: 'skipped', skipReason: 'undeliverable' })
  })

  it('puts a failed send back to pending, due after its backoff', async () => {
    const { deps, outbox } = setUp(1)
    const message = makeOutboxMessage()
    await outbox.enqueue(message)

    expect(await deliverOutboxItem(deps, message)).toBe('failed')

    expect(outbox.item(message.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Throttling',
      dueAt: new Date(NOW.getTime() + MINUTE).toISOString(),
    })
  })

  it(`parks the item when its ${OUTBOX_MAX_ATTEMPTS}th attempt fails, and tells the log without the address`, async () => {
    const { deps, outbox, logger } = setUp(OUTBOX_MAX_ATTEMPTS)
    const message = makeOutboxMessage()
    await outbox.enqueue(message)

    const outcomes = []
    for (let attempt = 1; attempt <= OUTBOX_MAX_ATTEMPTS; attempt++) {
      outcomes.push(await deliverOutboxItem(deps, message))
    }

    expect(outcomes).toEqual([...Array(OUTBOX_MAX_ATTEMPTS - 1).fill('failed'), 'parked'])
    expect(outbox.item(message.id)).toMatchObject({
      status: 'failed',
      attempts: OUTBOX_MAX_ATTEMPTS,
      lastError: 'Throttling',
      dueAt: undefined,
    })
    expect(logger.error).toHaveBeenCalledWith(
      'Email parked after its last attempt; administrators can resend it',
      expect.objectContaining({ outboxId: message.id, attempts: OUTBOX_MAX_ATTEMPTS }),
    )
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain('amira.khan')
  })

  it('parks without sending an item whose senders died holding it once too often', async () => {
    const { deps, outbox, sent } = setUp()
    const message = makeOutboxMessage()
    await outbox.enqueue(message)
    const clock = fakeClock()
    for (let claim = 0; claim < OUTBOX_MAX_ATTEMPTS; claim++) {
      await outbox.claim(message.id, clock.now())
      clock.advance(10 * MINUTE)
    }

    expect(await deliverOutboxItem({ ...deps, clock }, message)).toBe('parked')

    expect(sent).toEqual([])
    expect(outbox.item(message.id)).toMatchObject({
      status: 'failed',
      attempts: OUTBOX_MAX_ATTEMPTS,
      lastError: 'ClaimAbandoned',
    })
  })

  it('leaves an item another sender holds, and does nothing with one already closed', async () => {
    const { deps, outbox, sent } = setUp()
    const message = makeOutboxMessage()
    await outbox.enqueue(message)
    await outbox.claim(message.id, NOW)

    expect(await deliverOutboxItem(deps, message)).toBe('busy')
    await outbox.markSent(message.id, { messageId: 'earlier', at: NOW })
    expect(await deliverOutboxItem(deps, message)).toBe('finished')
    expect(sent).toEqual([])
  })
})
