import { type InterestAlertEmail, interestAlertEmailId, type OutgoingEmail, type Session } from '@ey/domain'
import { composeRawEmail, type DeliveryDeps, deliver, escapeHtml } from '@ey/mail'
import { beforeEach, describe, expect, it } from 'vitest'
import { READS_FINDING_NOTHING, recordingMailer } from '../../support/delivery-deps.ts'
import { LEEDS, makeAlert, makeCourse, makeSession, makeVenue, NOW } from '../../support/factories.ts'
import { type AdminTestDeps, makeAdminDeps } from '../../support/session-admin.ts'

const SITE_URL = 'https://training.example.org'

/** A two-part hybrid session in Leeds, starting Tuesday 17 March 2026 at 4pm London time. */
const SESSION = makeSession({
  id: 'new-session',
  title: 'Speech, language and communication: core (twilight)',
  format: 'hybrid',
  venue: makeVenue(),
  parts: [
    { startsAt: '2026-03-17T16:00:00.000Z', endsAt: '2026-03-17T17:30:00.000Z' },
    { startsAt: '2026-03-24T16:00:00.000Z', endsAt: '2026-03-24T17:30:00.000Z' },
  ],
})

const message = (sessionId = SESSION.id): InterestAlertEmail => ({
  id: interestAlertEmailId('alert-1', sessionId),
  kind: 'interest-alert',
  alertId: 'alert-1',
  sessionId,
  createdAt: NOW.toISOString(),
})

let admin: AdminTestDeps
let deps: DeliveryDeps
let sent: OutgoingEmail[]

beforeEach(async () => {
  admin = makeAdminDeps()
  admin.bookings.putSession(SESSION)
  await admin.alerts.openAlert(makeAlert({ email: 'Ada@Example.org', scope: 'la', laCode: LEEDS }))
  await admin.alerts.closeAlert('alert-1', { sessionId: SESSION.id, at: NOW })
  sent = []
  deps = {
    ...READS_FINDING_NOTHING,
    bookings: admin.bookings,
    tokens: admin.tokens,
    lookup: { liveBookingsOf: async () => [] },
    mailer: recordingMailer(sent),
    siteUrl: SITE_URL,
    calendarDomain: 'training.example.org',
    clock: admin.clock,
    alerts: admin.alerts,
    alertTokens: admin.alertTokens,
    sessions: admin.sessions,
    catalogue: admin.bookings,
  }
})

describe('the interest alert email', () => {
  it('tells of the new session in London time, with its booking link, its stop link and one-click headers', async () => {
    expect(await deliver(deps, message())).toEqual({ outcome: 'sent', messageId: 'm-1' })

    const [email] = sent
    const token = admin.alertTokens.issue('alert-1')
    const stopUrl = `${SITE_URL}/alerts/stop/#id=alert-1&token=${encodeURIComponent(token)}`
    const sessionUrl = `${SITE_URL}/session/?id=new-session`
    expect(email?.to).toBe('Ada@Example.org')
    expect(email?.subject).toBe('New date: Speech, language and communication: core (twilight)')
    expect(email?.text).toContain(
      `You asked us to email you when there was a new date of ${makeCourse().title} in person in Leeds.`,
    )
    for (const body of [email?.text, email?.html]) {
      expect(body).toContain('Part 1 of 2: Tuesday 17 March 2026, 4pm to 5:30pm')
      expect(body).toContain('Part 2 of 2: Tuesday 24 March 2026, 4pm to 5:30pm')
      expect(body).toContain('Hybrid')
      expect(body).toContain('Riverside Family Hub, 12 Mill Lane, Leeds, LS1 4AB, or online')
    }
    expect(email?.text).toContain(`See the session and book a place:\n${sessionUrl}`)
    expect(email?.text).toContain(`Stop this alert:\n${stopUrl}`)
    expect(email?.html).toContain(`href="${escapeHtml(sessionUrl)}"`)
    expect(email?.html).toContain(`href="${escapeHtml(stopUrl)}"`)
    expect(email?.headers).toEqual({
      'List-Unsubscribe': `<${SITE_URL}/api/alerts/alert-1/stop?token=${encodeURIComponent(token)}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
    expect(JSON.stringify(email)).not.toContain(admin.alertTokens.hash(token))
  })

  it('carries the one-click headers in the MIME message, unbroken', async () => {
    await deliver(deps, message())
    const raw = (await composeRawEmail(sent[0] as OutgoingEmail, { from: 'bookings@training.example.org' }))
      .toString()
      // Long header fields may be folded onto several lines; unfold them as a reader does.
      .replace(/\r\n[ \t]+/g, ' ')
    const token = admin.alertTokens.issue('alert-1')
    expect(raw).toContain(
      `List-Unsubscribe: <${SITE_URL}/api/alerts/alert-1/stop?token=${encodeURIComponent(token)}>\r\n`,
    )
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n')
  })

  it.each<[string, () => Promise<void>, string]>([
    [
      'the alert was stopped since',
      async () => void (await admin.alerts.stopAlert('alert-1', NOW)),
      'alert-stopped',
    ],
    [
      'the session was taken back to draft',
      async () => admin.bookings.putSession({ ...SESSION, status: 'draft' }),
      'session-not-published',
    ],
    [
      'the session was cancelled',
      async () => admin.bookings.putSession({ ...SESSION, status: 'cancelled' }),
      'session-not-published',
    ],
    ['the session has started', async () => admin.clock.set('2026-03-17T16:00:00.000Z'), 'session-started'],
  ])('is not sent when %s', async (_case, arrange, reason) => {
    await arrange()
    expect(await deliver(deps, message())).toEqual({ outcome: 'skipped', reason })
    expect(sent).toEqual([])
  })

  it('is not sent for a second session: the alert was closed for the first', async () => {
    const other: Session = { ...SESSION, id: 'other-session' }
    admin.bookings.putSession(other)
    expect(await deliver(deps, message(other.id))).toEqual({ outcome: 'skipped', reason: 'superseded' })
  })

  it.each([
    ['region', 'in person in Yorkshire and The Humber'],
    ['online', 'online'],
  ] as const)('says where the person could go for the %s scope', async (scope, where) => {
    await admin.alerts.openAlert(
      makeAlert({ id: 'alert-2', email: 'b@example.org', emailKey: 'b@example.org', scope }),
    )
    await deliver(deps, { ...message(), id: 'm-2', alertId: 'alert-2' })
    expect(sent[0]?.text).toContain(`new date of ${makeCourse().title} ${where}.`)
  })
})
