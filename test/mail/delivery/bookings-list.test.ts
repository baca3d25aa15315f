import type { Booking, OutgoingEmail } from '@ey/domain'
import { type DeliveryDeps, deliver } from '@ey/mail'
import { describe, expect, it } from 'vitest'
import { READS_FINDING_NOTHING, recordingMailer } from '../../support/delivery-deps.ts'
import { fakeClock, makeBooking, makeSnapshot } from '../../support/factories.ts'
import { createInMemoryUndeliverable } from '../../support/in-memory-undeliverable.ts'

const SITE_URL = 'https://training.example.org'

/** Delivery dependencies whose lookup holds `live`, sending into `sent`. */
function depsWith(live: Booking[]) {
  const sent: OutgoingEmail[] = []
  const asked: { emailKey: string; now: string }[] = []
  const deps: DeliveryDeps = {
    ...READS_FINDING_NOTHING,
    bookings: {
      getBooking: async (id) => live.find((b) => b.id === id) ?? makeBooking({ id, status: 'cancelled' }),
      getSession: async () => undefined,
      waitlistPosition: async () => undefined,
    },
    tokens: { issue: (id) => `token-of-${id}` },
    undeliverable: createInMemoryUndeliverable(),
    mailer: recordingMailer(sent),
    siteUrl: SITE_URL,
    calendarDomain: 'training.example.org',
    lookup: {
      liveBookingsOf: async (emailKey, now) => {
        asked.push({ emailKey, now: now.toISOString() })
        return live
      },
    },
    clock: fakeClock('2026-11-20T08:00:00.000Z'),
  }
  return { deps, sent, asked }
}

const message = (bookingId: string) => ({
  id: 'bookings-list-x-1',
  kind: 'bookings-list' as const,
  bookingId,
  createdAt: '2026-11-20T08:00:00.000Z',
})

describe('delivering a bookings-list email', () => {
  it('sends one email listing every live booking of the person, each with its own manage link', async () => {
    const first = makeBooking({ id: 'bk_1', reference: 'AAAA-1111' })
    const second = makeBooking({
      id: 'bk_2',
      reference: 'BBBB-2222',
      status: 'waiting',
      session: makeSnapshot({ title: 'Makaton taster', format: 'online' }),
    })
    const { deps, sent, asked } = depsWith([first, second])

    const outcome = await deliver(deps, message('bk_1'))

    expect(outcome).toEqual({ outcome: 'sent', messageId: 'm-1' })
    expect(asked).toEqual([{ emailKey: 'amira.khan@example.test', now: '2026-11-20T08:00:00.000Z' }])
    const [email] = sent
    expect(email?.to).toBe('amira.khan@example.test')
    expect(email?.subject).toBe('Your bookings for early years SEND training')
    expect(email?.attachments).toEqual([])
    for (const [booking, status] of [
      [first, 'Status: Confirmed'],
      [second, 'Status: On the waiting list'],
    ] as const) {
      expect(email?.text).toContain(`Booking reference: ${booking.reference}`)
      expect(email?.text).toContain(`${SITE_URL}/manage#id=${booking.id}&token=token-of-${booking.id}`)
      expect(email?.text).toContain(status)
    }
    expect(email?.text).toContain('Here are your 2 bookings')
  })

  it('sends nothing when no booking is live any more', async () => {
    const { deps, sent } = depsWith([])
    expect(await deliver(deps, message('bk_gone'))).toEqual({
      outcome: 'skipped',
      reason: 'no-live-bookings',
    })
    expect(sent).toEqual([])
  })
})
