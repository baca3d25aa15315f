import { randomUUID } from 'node:crypto'
import { interestAlertEmailId } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand, ScanCommand } from '@ey/dynamodb/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { LEEDS, makeCourse, makeSessionInput, WESTMINSTER } from '../../../support/factories.ts'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'
import type { TestApi } from '../support.ts'

let api: TestApi
let call: AdminCall

beforeAll(async () => {
  ;({ api, call } = await createAdminTestApi())
})

/** A course of its own, so each test counts only its own alerts. */
async function newCourse(): Promise<string> {
  const id = `course-${randomUUID()}`
  await api.catalogue.putCourse(makeCourse({ id, title: `Course ${id}` }))
  return id
}

const ask = (courseId: string, body: unknown) =>
  api.app.request(`/api/courses/${courseId}/alerts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

const alertBody = (overrides: Record<string, unknown> = {}) => ({
  email: `${randomUUID()}@example.org`,
  laCode: LEEDS,
  scope: 'online',
  ...overrides,
})

const countsOf = async (courseId: string) =>
  (await api.deps.alerts.openAlertCounts()).filter((c) => c.courseId === courseId)

/** The interest-alert emails queued in the table, by alert. */
async function queuedAlertEmails(alertId: string): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await api.table.doc.send(
    new ScanCommand({
      TableName: api.table.tableName,
      FilterExpression: '#kind = :kind AND alertId = :alert',
      ExpressionAttributeNames: { '#kind': 'kind' },
      ExpressionAttributeValues: { ':kind': 'interest-alert', ':alert': alertId },
      ConsistentRead: true,
    }),
  )
  return Items
}

const stop = (alertId: string, init: RequestInit & { query?: string } = {}) =>
  api.app.request(`/api/alerts/${alertId}/stop${init.query ?? ''}`, { method: 'POST', ...init })

const onlineSession = (date: string) =>
  makeSessionInput({ parts: [{ date, startTime: '16:00', endTime: '17:30' }], format: 'online' })

describe('POST /api/courses/{id}/alerts', () => {
  it('answers 202 with the same body for a new address and one that already has an alert', async () => {
    const courseId = await newCourse()
    const body = alertBody()
    const first = await ask(courseId, body)
    const again = await ask(courseId, { ...body, email: body.email.toUpperCase(), scope: 'region' })
    const other = await ask(courseId, alertBody())

    expect([first.status, again.status, other.status]).toEqual([202, 202, 202])
    const [a, b, c] = [await first.json(), await again.json(), await other.json()]
    expect(b).toEqual(a)
    expect(c).toEqual(a)
    expect(a.message).toMatch(/^We will email you once/)
    const open = await api.deps.alerts.openAlertsOf(courseId)
    expect(open.map((alert) => alert.scope).sort()).toEqual(['online', 'region'])
    expect(await countsOf(courseId)).toEqual([{ courseId, laCode: LEEDS, open: 2 }])
  })

  it('is idempotent: the same request again changes nothing', async () => {
    const courseId = await newCourse()
    const body = alertBody()
    await ask(courseId, body)
    const [before] = await api.deps.alerts.openAlertsOf(courseId)
    expect((await ask(courseId, body)).status).toBe(202)
    expect(await api.deps.alerts.openAlertsOf(courseId)).toEqual([before])
  })

  it.each([
    ['no email', { email: undefined }, 'email'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['no local authority', { laCode: undefined }, 'laCode'],
    ['a malformed LA code', { laCode: 'Leeds' }, 'laCode'],
    ['an LA code that is no LA', { laCode: 'E09999999' }, 'laCode'],
    ['an unknown scope', { scope: 'anywhere' }, 'scope'],
  ])('answers 400 problem+json naming the field for %s', async (_case, overrides, field) => {
    const res = await ask(await newCourse(), alertBody(overrides))
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await res.json()).errors).toEqual([{ field, message: expect.any(String) }])
  })

  it('answers 404 problem+json for an unknown course', async () => {
    const res = await ask('no-such-course', alertBody())
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({ code: 'course-not-found' })
  })
})

describe('an interest alert, from asking to the administrator publishing a session', () => {
  it('queues one email for the first matching session published, and none for the next', async () => {
    const courseId = await newCourse()
    await ask(courseId, alertBody({ scope: 'online' }))
    await ask(courseId, alertBody({ scope: 'la', laCode: WESTMINSTER }))
    const [online, london] = (await api.deps.alerts.openAlertsOf(courseId)).sort((a) =>
      a.scope === 'online' ? -1 : 1,
    )
    if (!online || !london) throw new Error('both alerts should be open')

    const first = await (
      await call('/sessions', { method: 'POST', json: { ...onlineSession('2026-03-17'), courseId } })
    ).json()
    const { Item } = await api.table.doc.send(
      new GetCommand({
        TableName: api.table.tableName,
        Key: keys.outbox(interestAlertEmailId(online.id, first.id)),
        ConsistentRead: true,
      }),
    )
    expect(Item).toMatchObject({ kind: 'interest-alert', alertId: online.id, sessionId: first.id })
    expect(await api.deps.alerts.getAlert(online.id)).toMatchObject({
      status: 'sent',
      sentSessionId: first.id,
    })
    expect(await queuedAlertEmails(london.id)).toEqual([])

    const draft = await (
      await call('/sessions', {
        method: 'POST',
        json: { ...onlineSession('2026-03-24'), courseId, status: 'draft' },
      })
    ).json()
    expect((await call(`/sessions/${draft.id}/publish`, { method: 'POST' })).status).toBe(200)
    expect(await queuedAlertEmails(online.id)).toHaveLength(1)
    expect(await countsOf(courseId)).toEqual([
      { courseId, laCode: LEEDS, open: 0 },
      { courseId, laCode: WESTMINSTER, open: 1 },
    ])
  })
})

describe('POST /api/alerts/{id}/stop', () => {
  async function openAlert() {
    const courseId = await newCourse()
    await ask(courseId, alertBody())
    const [alert] = await api.deps.alerts.openAlertsOf(courseId)
    if (!alert) throw new Error('the alert should be open')
    return { courseId, alert, token: api.deps.alertTokens.issue(alert.id) }
  }

  it('stops the alert with the token as a bearer, without signing in, and answers the same again', async () => {
    const { courseId, alert, token } = await openAlert()
    const headers = { Authorization: `Bearer ${token}` }

    const res = await stop(alert.id, { headers })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual({ status: 'stopped', course: { id: courseId, title: `Course ${courseId}` } })
    expect(await (await stop(alert.id, { headers })).json()).toEqual(body)
    expect(await api.deps.alerts.getAlert(alert.id)).toMatchObject({ status: 'stopped' })
    expect(await countsOf(courseId)).toEqual([{ courseId, laCode: LEEDS, open: 0 }])
  })

  it('stops it by the one-click unsubscribe POST of RFC 8058 (token in the query, form body)', async () => {
    const { alert, token } = await openAlert()
    const res = await stop(alert.id, {
      query: `?${new URLSearchParams({ token })}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(await api.deps.alerts.getAlert(alert.id)).toMatchObject({ status: 'stopped' })
  })

  it('stops an alert already sent', async () => {
    const { courseId, alert, token } = await openAlert()
    await call('/sessions', { method: 'POST', json: { ...onlineSession('2026-03-18'), courseId } })
    expect((await api.deps.alerts.getAlert(alert.id))?.status).toBe('sent')

    expect((await stop(alert.id, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200)
    expect(await api.deps.alerts.getAlert(alert.id)).toMatchObject({ status: 'stopped' })
  })

  it('answers 404 for a wrong token or an unknown alert, and 401 without a token; nothing changes', async () => {
    const { alert, token } = await openAlert()
    const wrong = await stop(alert.id, { headers: { Authorization: 'Bearer not-the-token' } })
    expect(wrong.status).toBe(404)
    expect(await wrong.json()).toMatchObject({ code: 'alert-not-found' })
    const manage = await stop(alert.id, {
      headers: { Authorization: `Bearer ${api.deps.tokens.issue(alert.id)}` },
    })
    expect(manage.status).toBe(404)
    expect((await stop('no-such-alert', { query: `?token=${token}` })).status).toBe(404)
    const none = await stop(alert.id)
    expect(none.status).toBe(401)
    expect(none.headers.get('content-type')).toBe('application/problem+json')
    expect((await api.deps.alerts.getAlert(alert.id))?.status).toBe('open')
  })

  it('changes nothing on a GET, which link scanners send', async () => {
    const { alert, token } = await openAlert()
    const res = await api.app.request(`/api/alerts/${alert.id}/stop?${new URLSearchParams({ token })}`)
    expect(res.status).toBe(404)
    expect((await api.deps.alerts.getAlert(alert.id))?.status).toBe('open')
  })
})
