import type { MailReviewView } from '@ey/contract'
import { createOutboxStore } from '@ey/dynamodb'
import { createFeedbackHandler, wireFeedback } from '@ey/mail-function'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { MINUTE, makeOutboxMessage, makeSession, NOW } from '../../../support/factories.ts'
import { markUndeliverable, parkEmail } from '../../../support/mail-admin.ts'
import { uniqueAddress } from '../../../support/ses.ts'
import { sesBounce, snsEvent } from '../../../support/ses-feedback.ts'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'
import { booked, type TestApi } from '../support.ts'

let api: TestApi
let call: AdminCall

beforeAll(async () => {
  ;({ api, call } = await createAdminTestApi())
  await storeSessions(api.table, makeSession({ id: 'mail-session' }))
})

async function review(): Promise<MailReviewView> {
  const response = await call('/mail')
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('private, no-store')
  return response.json()
}

/** A booking of its own, and a parked confirmation email about it. */
async function parkedConfirmation(address = uniqueAddress('parked')) {
  const made = await booked(api, 'mail-session', { email: address })
  const message = await parkEmail(api.deps.outbox, makeOutboxMessage({ bookingId: made.id }))
  return { message, address }
}

describe('GET /api/admin/mail', () => {
  it('lists parked and retrying emails with the address each was for, in London time', async () => {
    const { message, address } = await parkedConfirmation()
    const retrying = makeOutboxMessage({ bookingId: 'bk-gone' })
    const store = createOutboxStore(api.table)
    await store.enqueue(retrying)
    await store.claim(retrying.id, NOW)
    await store.markFailed(retrying.id, {
      error: 'ServiceUnavailable',
      at: NOW,
      attempts: 2,
      retryAt: new Date(NOW.getTime() + 3 * MINUTE),
    })

    const { emails } = await review()

    expect(emails.find((email) => email.id === message.id)).toEqual({
      id: message.id,
      kind: 'booking-confirmed',
      status: 'parked',
      createdAt: '2026-03-02T09:00:00+00:00',
      attempts: 8,
      lastError: 'Throttling',
      failedAt: '2026-03-02T09:00:00+00:00',
      to: address,
    })
    expect(emails.find((email) => email.id === retrying.id)).toEqual({
      id: retrying.id,
      kind: 'booking-confirmed',
      status: 'retrying',
      createdAt: '2026-03-02T09:00:00+00:00',
      attempts: 2,
      lastError: 'ServiceUnavailable',
      failedAt: '2026-03-02T09:00:00+00:00',
      retryAt: '2026-03-02T09:03:00+00:00',
    })
    expect(emails.findIndex((email) => email.id === message.id)).toBeLessThan(
      emails.findIndex((email) => email.id === retrying.id),
    )
  })

  it('writes an access audit entry for each opening, with the number of emails and addresses listed', async () => {
    const shown = await review()
    const { entries } = await api.deps.accessAudit.list({
      period: { from: '2026-01-01', to: '2027-12-31' },
      limit: 50,
    })
    expect(entries[0]).toMatchObject({
      action: 'mail-review',
      staff: { sub: 'admin' },
      rows: shown.emails.length + shown.addresses.length,
    })
  })

  it('lists the addresses the bounce and complaint handler marked undeliverable', async () => {
    const address = uniqueAddress('bounced')
    const feedback = wireFeedback({ tableName: api.table.tableName }, { doc: api.table.doc })
    await createFeedbackHandler(feedback)(snsEvent(sesBounce([address], 'Permanent', 'NoEmail')))

    const { addresses } = await review()

    expect(addresses.find((entry) => entry.address === address)).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      address,
      reason: 'bounce',
      detail: 'Permanent/NoEmail',
      at: '2026-03-02T09:01:00+00:00',
    })
  })
})

describe('POST /api/admin/mail/emails/{id}/resend', () => {
  it('puts a parked email back, due now, once; a second answers 409; audited once', async () => {
    const { message } = await parkedConfirmation()

    const first = await call(`/mail/emails/${message.id}/resend`, { method: 'POST' })
    const second = await call(`/mail/emails/${message.id}/resend`, { method: 'POST' })

    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ id: message.id, kind: 'booking-confirmed' })
    expect(second.status).toBe(409)
    expect(await second.json()).toMatchObject({ code: 'email-not-parked' })
    const { emails, audit } = await review()
    expect(emails.find((email) => email.id === message.id)?.status).toBe('retrying')
    expect(audit.filter((entry) => entry.subject.includes(message.id))).toEqual([
      {
        at: '2026-03-02T09:00:00+00:00',
        by: 'Ada Administrator',
        action: 'resend-email',
        subject: `booking-confirmed ${message.id}`,
      },
    ])
  })
})

describe('DELETE /api/admin/mail/undeliverable/{id}', () => {
  it('lets email go to the address again, audited with the address masked; again, 404', async () => {
    const address = uniqueAddress('cleared')
    const id = await markUndeliverable(api.deps.undeliverable, address)

    const cleared = await call(`/mail/undeliverable/${id}`, { method: 'DELETE' })
    const again = await call(`/mail/undeliverable/${id}`, { method: 'DELETE' })

    expect(cleared.status).toBe(200)
    expect(await cleared.json()).toMatchObject({ id, address, reason: 'bounce' })
    expect(again.status).toBe(404)
    expect(await again.json()).toMatchObject({ code: 'address-not-found' })
    expect(await api.deps.undeliverable.isUndeliverable(address)).toBe(false)
    const { audit, addresses } = await review()
    expect(addresses.map((entry) => entry.id)).not.toContain(id)
    const entry = audit.find((logged) => logged.action === 'clear-address')
    expect(entry).toEqual({
      at: '2026-03-02T09:00:00+00:00',
      by: 'Ada Administrator',
      action: 'clear-address',
      subject: 'c…@example.test (bounce)',
    })
  })
})
