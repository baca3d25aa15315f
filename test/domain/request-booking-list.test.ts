import {
  BOOKING_LIST_WINDOW_MINUTES,
  type Booking,
  type BookingLookup,
  type OutboxMessage,
  type OutboxStore,
  requestBookingList,
} from '@ey/domain'
import { sha256Fingerprints } from '@ey/runtime'
import { describe, expect, it } from 'vitest'
import { fakeClock, MINUTE } from '../support/factories.ts'

/** A lookup holding one person's bookings, recording what it is asked, and an outbox queuing like the table (by id). */
function fakeLookup(bookings: Record<string, { id: string }[]>) {
  const queued = new Map<string, OutboxMessage>()
  const askedFor: string[] = []
  const lookup: BookingLookup = {
    liveBookingsOf: async (emailKey) => {
      askedFor.push(emailKey)
      return (bookings[emailKey] ?? []) as Booking[]
    },
  }
  const outbox: Pick<OutboxStore, 'enqueue'> = {
    enqueue: async (message) => {
      if (queued.has(message.id)) return false
      queued.set(message.id, message)
      return true
    },
  }
  return { lookup, outbox, queued, askedFor }
}

describe('requestBookingList', () => {
  it('queues one bookings-list email naming the soonest booking, looked up by the normalised address', async () => {
    const { lookup, outbox, queued, askedFor } = fakeLookup({
      'ada@example.org': [{ id: 'soonest' }, { id: 'later' }],
    })

    await requestBookingList(
      { lookup, outbox, clock: fakeClock(), fingerprints: sha256Fingerprints },
      '  Ada@Example.ORG ',
    )

    expect(askedFor).toEqual(['ada@example.org'])
    expect([...queued.values()]).toEqual([
      {
        id: expect.stringMatching(/^bookings-list-/),
        kind: 'bookings-list',
        bookingId: 'soonest',
        createdAt: '2026-03-02T09:00:00.000Z',
      },
    ])
    expect([...queued.keys()][0]).not.toContain('ada')
  })

  it('queues nothing for an address with no live bookings', async () => {
    const { lookup, outbox, queued } = fakeLookup({})
    await requestBookingList(
      { lookup, outbox, clock: fakeClock(), fingerprints: sha256Fingerprints },
      'nobody@example.org',
    )
    expect(queued.size).toBe(0)
  })

  it('sends an address at most one list per window, however often it is asked for', async () => {
    const { lookup, outbox, queued } = fakeLookup({ 'ada@example.org': [{ id: 'b1' }] })
    const clock = fakeClock('2026-03-02T09:00:00.000Z')
    for (let i = 0; i < 5; i++)
      await requestBookingList({ lookup, outbox, clock, fingerprints: sha256Fingerprints }, 'ada@example.org')
    expect(queued.size).toBe(1)
    clock.set(new Date(clock.now().getTime() + BOOKING_LIST_WINDOW_MINUTES * MINUTE))
    await requestBookingList({ lookup, outbox, clock, fingerprints: sha256Fingerprints }, 'ada@example.org')
    expect(queued.size).toBe(2)
  })
})
