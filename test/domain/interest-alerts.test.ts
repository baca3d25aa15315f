import {
  askForInterestAlert,
  checkAlertEmail,
  editSession,
  type InterestAlertEmail,
  importSessions,
  interestAlertEmailId,
  queueInterestAlerts,
  scheduleSession,
  setSessionStatus,
  stopInterestAlert,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  LEEDS,
  makeAlert,
  makeSession,
  makeSessionInput,
  makeVenue,
  NOW,
  WESTMINSTER,
} from '../support/factories.ts'
import { type AdminTestDeps, makeAdminDeps } from '../support/session-admin.ts'

let deps: AdminTestDeps

beforeEach(() => {
  deps = makeAdminDeps()
})

const ask = (overrides: Partial<Parameters<typeof askForInterestAlert>[1]> = {}) =>
  askForInterestAlert(deps, {
    courseId: 'slcn-core',
    email: 'ada@example.org',
    laCode: LEEDS,
    scope: 'online',
    ...overrides,
  })

/** The one alert the tests asked for. */
const theAlert = () => {
  const [alert] = deps.alerts.all()
  if (!alert) throw new Error('no alert was stored')
  return alert
}

const online = (date = '2026-03-16') =>
  makeSessionInput({ parts: [{ date, startTime: '16:00', endTime: '17:30' }], format: 'online' })

describe('askForInterestAlert', () => {
  it('opens an alert with the normalised address, the LA, the scope and only the stop token’s hash', async () => {
    await ask({ email: '  Ada@Example.org ' })

    const alert = theAlert()
    expect(alert).toMatchObject({
      courseId: 'slcn-core',
      email: 'Ada@Example.org',
      emailKey: 'ada@example.org',
      laCode: LEEDS,
      scope: 'online',
      status: 'open',
      createdAt: NOW.toISOString(),
    })
    const token = deps.alertTokens.issue(alert.id)
    expect(alert.stopTokenHash).toBe(deps.alertTokens.hash(token))
    expect(JSON.stringify(alert)).not.toContain(token)
  })

  it('changes the scope and LA when the same address asks again, keeping one open alert', async () => {
    await ask()
    await ask({ email: 'ADA@example.org', scope: 'region', laCode: WESTMINSTER })

    expect(deps.alerts.all()).toHaveLength(1)
    expect(theAlert()).toMatchObject({ scope: 'region', laCode: WESTMINSTER })
    expect(await deps.alerts.openAlertCounts()).toEqual([
      { courseId: 'slcn-core', laCode: LEEDS, open: 0 },
      { courseId: 'slcn-core', laCode: WESTMINSTER, open: 1 },
    ])
  })

  it('refuses an LA that is not one, naming the field, and an unknown course', async () => {
    await expect(ask({ laCode: 'E09999999' })).rejects.toMatchObject({
      code: 'validation-failed',
      fieldErrors: [{ field: 'laCode', message: 'Choose a local authority from the list' }],
    })
    await expect(ask({ courseId: 'no-such-course' })).rejects.toMatchObject({ code: 'course-not-found' })
    expect(deps.alerts.all()).toEqual([])
  })
})

describe('sending interest alerts when an administrator publishes a session', () => {
  it('queues one email for a matching session, closes the alert, and sends nothing for the next one', async () => {
    await ask()
    const first = await scheduleSession(deps, online())

    expect(deps.queued).toEqual([
      {
        id: interestAlertEmailId(theAlert().id, first.id),
        kind: 'interest-alert',
        alertId: theAlert().id,
        sessionId: first.id,
        createdAt: NOW.toISOString(),
      },
    ])
    expect(theAlert()).toMatchObject({ status: 'sent', sentSessionId: first.id })
    expect(await deps.alerts.openAlertCounts()).toEqual([{ courseId: 'slcn-core', laCode: LEEDS, open: 0 }])

    await scheduleSession(deps, online('2026-03-23'))
    expect(deps.queued).toHaveLength(1)
  })

  it('sends nothing for a draft, then sends when the draft is published', async () => {
    await ask()
    const draft = await scheduleSession(deps, { ...online(), status: 'draft' })
    expect(deps.queued).toEqual([])

    await setSessionStatus(deps, draft.id, 'published')
    expect(deps.queued.map((m) => m.kind === 'interest-alert' && m.sessionId)).toEqual([draft.id])
  })

  it('sends when an edit publishes a draft, and not for edits of a published session', async () => {
    await ask()
    const draft = await scheduleSession(deps, { ...online(), status: 'draft' })
    await editSession(deps, draft.id, { ...online(), status: 'draft', capacity: 12 }, 'admin')
    expect(deps.queued).toEqual([])

    await editSession(deps, draft.id, online(), 'admin')
    expect(deps.queued).toHaveLength(1)
    await ask({ email: 'grace@example.org' })
    await editSession(deps, draft.id, { ...online(), capacity: 14 }, 'admin')
    expect(deps.queued).toHaveLength(1)
  })

  it('sends for sessions imported as published', async () => {
    await ask()
    const csv = [
      'course_id,format,capacity,status,part_1_date,part_1_start,part_1_end,joining_url',
      'slcn-core,online,10,published,2026-03-16,16:00,17:30,https://meet.example.org/j/1',
    ].join('\n')
    const [imported] = await importSessions(deps, csv)

    expect(deps.queued.map((m) => m.kind === 'interest-alert' && m.sessionId)).toEqual([imported?.id])
  })

  it('sends only to the alerts a session matches, and never to a stopped one', async () => {
    await ask({ email: 'online@example.org', scope: 'online' })
    await ask({ email: 'leeds@example.org', scope: 'la' })
    await ask({ email: 'london@example.org', scope: 'region', laCode: WESTMINSTER })
    await ask({ email: 'stopped@example.org', scope: 'la' })
    const stopped = deps.alerts.all().find((a) => a.email === 'stopped@example.org')
    await stopInterestAlert(deps, stopped?.id ?? '', deps.alertTokens.issue(stopped?.id ?? ''))

    await scheduleSession(
      deps,
      makeSessionInput({
        format: 'in-person',
        venue: makeVenue({ laCode: LEEDS }),
        parts: [{ date: '2026-03-16', startTime: '16:00', endTime: '17:30' }],
      }),
    )

    const sentTo = deps.queued.map(
      (m) => m.kind === 'interest-alert' && deps.alerts.all().find((a) => a.id === m.alertId)?.email,
    )
    expect(sentTo).toEqual(['leeds@example.org'])
  })

  it('never sends a bespoke session to people outside its LAs', async () => {
    await ask({ scope: 'online', laCode: WESTMINSTER })
    await scheduleSession(deps, { ...online(), bespokeLaCodes: [LEEDS] })

    expect(deps.queued).toEqual([])
    expect(theAlert().status).toBe('open')
  })

  it('tries every alert when one cannot be queued, then fails; that alert stays open for the next session', async () => {
    await ask({ email: 'a@example.org' })
    await ask({ email: 'b@example.org' })
    const failing = deps.alerts.all()[0]?.id
    const enqueue = deps.outbox.enqueue
    deps.outbox.enqueue = async (message) => {
      if (message.kind === 'interest-alert' && message.alertId === failing) throw new Error('table busy')
      return enqueue(message)
    }
    const session = makeSession({ id: 'published-1', startsAt: '2026-03-16T16:00:00.000Z' })
    deps.bookings.putSession(session)

    await expect(queueInterestAlerts(deps, session)).rejects.toThrow('table busy')
    expect(deps.queued).toHaveLength(1)
    expect(deps.alerts.all().map((a) => a.status)).toEqual(['open', 'sent'])

    deps.outbox.enqueue = enqueue
    expect(await queueInterestAlerts(deps, session)).toBe(1)
    expect(deps.alerts.all().map((a) => a.status)).toEqual(['sent', 'sent'])
  })

  it('queues each email once when the same session is announced twice', async () => {
    await ask()
    const session = makeSession({ id: 'published-1', startsAt: '2026-03-16T16:00:00.000Z' })
    const alert = theAlert()
    // A second run after the email was queued but before the alert was closed.
    await deps.outbox.enqueue({
      id: interestAlertEmailId(alert.id, session.id),
      kind: 'interest-alert',
      alertId: alert.id,
      sessionId: session.id,
      createdAt: NOW.toISOString(),
    })
    await queueInterestAlerts(deps, session)

    expect(deps.queued).toHaveLength(1)
    expect(theAlert().status).toBe('sent')
  })
})

describe('stopInterestAlert', () => {
  it('stops an open alert with its token, and answers the same when asked again', async () => {
    await ask()
    const { id } = theAlert()
    const token = deps.alertTokens.issue(id)

    const stopped = await stopInterestAlert(deps, id, token)
    expect(stopped).toMatchObject({ status: 'stopped', closedAt: NOW.toISOString() })
    expect(await stopInterestAlert(deps, id, token)).toEqual(stopped)
    expect(await deps.alerts.openAlertCounts()).toEqual([{ courseId: 'slcn-core', laCode: LEEDS, open: 0 }])
  })

  it('stops an alert already sent, so an email not yet delivered does not go', async () => {
    await ask()
    const session = await scheduleSession(deps, online())
    const { id } = theAlert()

    expect(await stopInterestAlert(deps, id, deps.alertTokens.issue(id))).toMatchObject({
      status: 'stopped',
      sentSessionId: session.id,
    })
  })

  it('answers alert-not-found for a wrong token (a manage token of the same id too) and an unknown id', async () => {
    await ask()
    const { id } = theAlert()

    await expect(stopInterestAlert(deps, id, 'not-the-token')).rejects.toMatchObject({
      code: 'alert-not-found',
    })
    await expect(stopInterestAlert(deps, id, deps.tokens.issue(id))).rejects.toMatchObject({
      code: 'alert-not-found',
    })
    await expect(stopInterestAlert(deps, 'no-such-alert', 'x')).rejects.toMatchObject({
      code: 'alert-not-found',
    })
    expect(theAlert().status).toBe('open')
  })
})

describe('checkAlertEmail: whether an alert email still goes when it is delivered', () => {
  const message = (sessionId: string, alertId = 'alert-1'): InterestAlertEmail => ({
    id: interestAlertEmailId(alertId, sessionId),
    kind: 'interest-alert',
    alertId,
    sessionId,
    createdAt: NOW.toISOString(),
  })

  it('sends for the session the alert was closed for, and for no other', async () => {
    await deps.alerts.openAlert(makeAlert())
    await deps.alerts.closeAlert('alert-1', { sessionId: 's-1', at: NOW })

    expect(await checkAlertEmail(deps, message('s-1'))).toMatchObject({
      send: true,
      alert: { id: 'alert-1' },
    })
    expect(await checkAlertEmail(deps, message('s-2'))).toEqual({ send: false, reason: 'superseded' })
  })

  it('closes an alert still open for the session of the email it delivers, so no later one goes', async () => {
    await deps.alerts.openAlert(makeAlert())

    expect(await checkAlertEmail(deps, message('s-1'))).toMatchObject({ send: true })
    expect(await deps.alerts.getAlert('alert-1')).toMatchObject({ status: 'sent', sentSessionId: 's-1' })
    expect(await checkAlertEmail(deps, message('s-2'))).toEqual({ send: false, reason: 'superseded' })
  })

  it('sends nothing for an alert stopped since, or gone', async () => {
    await deps.alerts.openAlert(makeAlert())
    await deps.alerts.closeAlert('alert-1', { sessionId: 's-1', at: NOW })
    await deps.alerts.stopAlert('alert-1', NOW)

    expect(await checkAlertEmail(deps, message('s-1'))).toEqual({ send: false, reason: 'alert-stopped' })
    expect(await checkAlertEmail(deps, message('s-1', 'gone'))).toEqual({
      send: false,
      reason: 'alert-not-found',
    })
  })
})
