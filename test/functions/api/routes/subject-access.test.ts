import type { AuditList } from '@ey/contract'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { makeSession } from '../../../support/factories.ts'
import { uniqueAddress } from '../../../support/ses.ts'
import { staffToken } from '../../../support/staff.ts'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'
import { booked, type TestApi, withToken } from '../support.ts'

let api: TestApi
let call: AdminCall

beforeAll(async () => {
  ;({ api, call } = await createAdminTestApi())
  await storeSessions(api.table, makeSession({ id: 'sar-session' }))
})

const exportOf = (email: string) => call('/subject-access/export', { method: 'POST', json: { email } })
const erase = (json: unknown) => call('/subject-access/erase', { method: 'POST', json })

describe('POST /api/admin/subject-access/export and /erase', () => {
  it('exports the person’s booking as a file, refuses to erase while it is upcoming or unconfirmed, then erases it all', async () => {
    const email = uniqueAddress('sar')
    const made = await booked(api, 'sar-session', {
      email,
      name: 'Sam Subject',
      accessNeeds: 'Step-free access',
    })

    const exported = await exportOf(email.toUpperCase())
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="subject-access-.+\.json"$/,
    )
    expect(exported.headers.get('cache-control')).toBe('private, no-store')
    const file = await exported.json()
    expect(file.bookings).toEqual([
      expect.objectContaining({
        id: made.id,
        person: expect.objectContaining({ email, name: 'Sam Subject', accessNeeds: 'Step-free access' }),
      }),
    ])
    expect(file.emails.map((sent: { message: { bookingId: string } }) => sent.message.bookingId)).toContain(
      made.id,
    )

    const live = await erase({ email, confirm: true })
    expect(live.status).toBe(409)
    expect(await live.json()).toMatchObject({
      code: 'subject-has-live-bookings',
      detail: expect.stringContaining(made.reference),
    })

    const unconfirmed = await erase({ email })
    expect(unconfirmed.status).toBe(422)
    expect(await unconfirmed.json()).toMatchObject({
      code: 'erasure-not-confirmed',
      errors: [expect.objectContaining({ field: 'confirm' })],
    })

    const cancelled = await api.app.request(
      `/api/bookings/${made.id}`,
      withToken(api.deps.tokens.issue(made.id), { method: 'DELETE' }),
    )
    expect(cancelled.status).toBe(200)
    const erased = await erase({ email, confirm: true })
    expect(erased.status).toBe(200)
    expect(await erased.json()).toMatchObject({ bookings: 1, emails: expect.any(Number) })

    const after = await (await exportOf(email)).json()
    expect(after).toMatchObject({
      bookings: [],
      responses: [],
      emails: [],
      alerts: [],
      certificates: [],
      undeliverable: null,
    })
    expect(after.auditEntries.map((entry: { action: string }) => entry.action).sort()).toEqual([
      'subject-erase',
      'subject-export',
      'subject-export',
    ])
    const audit = await call('/audit')
    const logged = JSON.stringify(((await audit.json()) as AuditList).items)
    expect(logged).toContain('subject-erase')
    expect(logged).not.toContain(email)
    expect(
      JSON.stringify(
        await (
          await api.app.request(`/api/bookings/${made.id}`, withToken(api.deps.tokens.issue(made.id)))
        ).json(),
      ),
    ).not.toContain('Sam')
  })

  it('answers 403 to a trainer and changes nothing', async () => {
    const response = await call('/subject-access/erase', {
      method: 'POST',
      json: { email: 'anyone@example.org', confirm: true },
      token: await staffToken('trainer-amira'),
    })
    expect(response.status).toBe(403)
  })
})
