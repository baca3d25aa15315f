import {
  clearUndeliverable,
  DomainError,
  MAIL_REVIEW_SHOWN,
  type MailAuditEntry,
  maskAddress,
  resendEmail,
  reviewMail,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { fakeClock, makeBooking, makeOutboxMessage } from '../support/factories.ts'
import { createInMemoryOutboxStore } from '../support/in-memory-outbox.ts'
import { createInMemoryUndeliverable } from '../support/in-memory-undeliverable.ts'
import { markUndeliverable, parkEmail } from '../support/mail-admin.ts'

function setUp() {
  const entries: MailAuditEntry[] = []
  const booking = makeBooking()
  const deps = {
    outbox: createInMemoryOutboxStore(),
    undeliverable: createInMemoryUndeliverable(),
    mailAudit: {
      record: async (entry: MailAuditEntry) => void entries.unshift(entry),
      recent: async (limit: number) => entries.slice(0, limit),
    },
    bookings: { getBooking: async (id: string) => (id === booking.id ? booking : undefined) },
    clock: fakeClock(),
  }
  return { deps, entries, booking }
}

describe('administering the mail', () => {
  it('reviews parked emails first, with the address of the booking each was for', async () => {
    const { deps, booking } = setUp()
    const retrying = makeOutboxMessage({ bookingId: 'bk-gone' })
    await deps.outbox.enqueue(retrying)
    await deps.outbox.claim(retrying.id, deps.clock.now())
    await deps.outbox.markFailed(retrying.id, {
      error: 'Throttling',
      at: deps.clock.now(),
      attempts: 1,
      retryAt: deps.clock.now(),
    })
    const parked = await parkEmail(deps.outbox, makeOutboxMessage({ bookingId: booking.id }))

    const { emails } = await reviewMail(deps)

    expect(emails.map((email) => [email.message.id, email.status, email.to])).toEqual([
      [parked.id, 'failed', booking.person.email],
      [retrying.id, 'pending', undefined],
    ])
  })

  it('lists at most MAIL_REVIEW_SHOWN failed emails and addresses, and says when more are held', async () => {
    const { deps } = setUp()
    for (let i = 0; i < MAIL_REVIEW_SHOWN; i++) {
      await parkEmail(deps.outbox, makeOutboxMessage())
      await markUndeliverable(deps.undeliverable, `person${i}@example.test`)
    }
    const full = await reviewMail(deps)
    expect([full.emails.length, full.moreEmails, full.addresses.length, full.moreAddresses]).toEqual([
      MAIL_REVIEW_SHOWN,
      false,
      MAIL_REVIEW_SHOWN,
      false,
    ])

    await parkEmail(deps.outbox, makeOutboxMessage())
    await markUndeliverable(deps.undeliverable, 'one-more@example.test')
    const over = await reviewMail(deps)
    expect([over.emails.length, over.moreEmails, over.addresses.length, over.moreAddresses]).toEqual([
      MAIL_REVIEW_SHOWN,
      true,
      MAIL_REVIEW_SHOWN,
      true,
    ])
  })

  it('resends a parked email once and records who did it', async () => {
    const { deps, entries } = setUp()
    const parked = await parkEmail(deps.outbox)

    await resendEmail(deps, parked.id, 'Ada Administrator')
    await expect(resendEmail(deps, parked.id, 'Ada Administrator')).rejects.toThrow(
      new DomainError('email-not-parked'),
    )

    expect(deps.outbox.item(parked.id)?.status).toBe('pending')
    expect(entries).toEqual([
      {
        at: deps.clock.now().toISOString(),
        by: 'Ada Administrator',
        action: 'resend-email',
        subject: `booking-confirmed ${parked.id}`,
      },
    ])
  })

  it('clears an undeliverable address, audited without the whole address', async () => {
    const { deps, entries } = setUp()
    const id = await markUndeliverable(deps.undeliverable, 'grace.obi@example.org')

    await clearUndeliverable(deps, id, 'Ada Administrator')
    await expect(clearUndeliverable(deps, id, 'Ada Administrator')).rejects.toThrow(
      new DomainError('address-not-found'),
    )

    expect(await deps.undeliverable.isUndeliverable('grace.obi@example.org')).toBe(false)
    expect(entries.map((entry) => entry.subject)).toEqual(['g…@example.org (bounce)'])
  })

  it.each([
    ['amira.khan@example.org', 'a…@example.org'],
    ['x@y.test', 'x…@y.test'],
    ['not-an-address', '…'],
  ])('masks %s as %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked)
  })
})
