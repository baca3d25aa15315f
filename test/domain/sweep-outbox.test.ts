import {
  OUTBOX_STREAM_GRACE_MS,
  type OutboxMessage,
  type OutboxOutcome,
  SWEEP_LIMIT,
  sweepOutbox,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { MINUTE, makeOutboxMessage, NOW } from '../support/factories.ts'
import { createInMemoryOutboxStore } from '../support/in-memory-outbox.ts'

/** A delivery that records what it is handed and answers `outcome` (or by message). */
function recordingDelivery(outcome: (message: OutboxMessage) => OutboxOutcome = () => 'sent') {
  const delivered: string[] = []
  return {
    delivered,
    delivery: {
      deliver: async (message: OutboxMessage) => {
        delivered.push(message.id)
        await new Promise((resolve) => setTimeout(resolve, 1))
        return outcome(message)
      },
    },
  }
}

const afterGrace = new Date(NOW.getTime() + OUTBOX_STREAM_GRACE_MS)

describe('sweepOutbox', () => {
  it('hands every item due by now to the delivery once, and leaves those not yet due', async () => {
    const outbox = createInMemoryOutboxStore()
    const due = [makeOutboxMessage(), makeOutboxMessage(), makeOutboxMessage()]
    const notYet = makeOutboxMessage({ createdAt: new Date(NOW.getTime() + MINUTE).toISOString() })
    for (const message of [...due, notYet]) await outbox.enqueue(message)
    const { delivery, delivered } = recordingDelivery()

    const report = await sweepOutbox({ outbox, delivery }, afterGrace)

    expect(delivered.sort()).toEqual(due.map((message) => message.id).sort())
    expect(report).toEqual({
      due: 3,
      sent: 3,
      skipped: 0,
      failed: 0,
      parked: 0,
      finished: 0,
      busy: 0,
      unclaimed: 0,
    })
  })

  it('counts what became of each item', async () => {
    const outbox = createInMemoryOutboxStore()
    const outcomes: OutboxOutcome[] = ['sent', 'skipped', 'failed', 'parked', 'finished', 'busy', 'unclaimed']
    const byId = new Map<string, OutboxOutcome>()
    for (const outcome of outcomes) {
      const message = makeOutboxMessage()
      byId.set(message.id, outcome)
      await outbox.enqueue(message)
    }
    const { delivery } = recordingDelivery((message) => byId.get(message.id) ?? 'sent')

    const report = await sweepOutbox({ outbox, delivery }, afterGrace)

    expect(report).toEqual({
      due: 7,
      sent: 1,
      skipped: 1,
      failed: 1,
      parked: 1,
      finished: 1,
      busy: 1,
      unclaimed: 1,
    })
  })

  it(`delivers at most ${SWEEP_LIMIT} items in one sweep, leaving the rest for the next`, async () => {
    const outbox = createInMemoryOutboxStore()
    for (let i = 0; i < SWEEP_LIMIT + 3; i++) await outbox.enqueue(makeOutboxMessage())
    const { delivery, delivered } = recordingDelivery()

    const report = await sweepOutbox({ outbox, delivery }, afterGrace)

    expect(report.due).toBe(SWEEP_LIMIT)
    expect(new Set(delivered).size).toBe(SWEEP_LIMIT)
  })
})
