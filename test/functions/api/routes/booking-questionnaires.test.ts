import { randomUUID } from 'node:crypto'
import type { NewBookingView, QuestionnaireList, QuestionnaireView } from '@ey/contract'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { DAY, makeCourse, makeSession, NOW } from '../../../support/factories.ts'
import { booked, createTestApi, type TestApi, withToken } from '../support.ts'

// makeSession: one 90-minute part on 16 March 2026 from 16:00 (GMT); the clock stands at NOW, 2 March.
const END = new Date('2026-03-16T17:30:00.000Z')
const PRE = { confidence: 2, knowledge: 3, hopes: 'How to use signing' }
const POST = { confidence: 5, knowledge: 4, useful: true, informative: true, recommend: true }

describe('/api/bookings/{id}/questionnaires', () => {
  let api: TestApi
  let made: NewBookingView

  beforeAll(async () => {
    api = await createTestApi()
    await api.catalogue.putCourse(makeCourse())
  })

  beforeEach(async () => {
    api.deps.clock.set(NOW)
    const id = `s-${randomUUID()}`
    await storeSessions(api.table, makeSession({ id }))
    made = await booked(api, id, { email: `${randomUUID()}@example.org` })
  })

  const path = (kind?: string) => `/api/bookings/${made.id}/questionnaires${kind ? `/${kind}` : ''}`
  const answer = (kind: string, answers: Record<string, unknown>, token = made.manageToken) =>
    api.app.request(path(kind), {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers }),
    })

  it('lists each kind with its window in London time and its status', async () => {
    const res = await api.app.request(path(), withToken(made.manageToken))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const body: QuestionnaireList = await res.json()
    expect(body.items).toEqual([
      {
        kind: 'pre',
        status: 'open',
        opensAt: '2026-03-02T09:00:00+00:00',
        closesAt: '2026-03-16T16:00:00+00:00',
      },
      {
        kind: 'post',
        status: 'not-open',
        opensAt: '2026-03-16T17:30:00+00:00',
        closesAt: '2026-03-30T18:30:00+01:00',
      },
      {
        kind: 'follow-up',
        status: 'not-open',
        opensAt: '2026-04-27T18:30:00+01:00',
        closesAt: '2026-05-25T18:30:00+01:00',
      },
    ])
  })

  it('answers the questions of a kind with only the fields the page needs', async () => {
    const res = await api.app.request(path('post'), withToken(made.manageToken))
    expect(res.status).toBe(200)
    const body: QuestionnaireView = await res.json()
    expect(body.kind).toBe('post')
    expect(body.version).toBe(1)
    expect(body.items[0]).toEqual({
      id: 'confidence',
      type: 'rating',
      text: 'How confident do you feel supporting children with SEND in this area?',
      required: true,
      tag: 'confidence',
      lowLabel: 'Not at all confident',
      highLabel: 'Very confident',
    })
    expect(body.items.find((item) => item.id === 'useful')).toEqual({
      id: 'useful',
      type: 'yes-no',
      text: 'Was the session useful?',
      required: true,
    })
  })

  it('records answers once: 200, then 409 and the list says answered', async () => {
    const first = await answer('pre', PRE)
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ kind: 'pre', submittedAt: '2026-03-02T09:00:00+00:00' })

    const again = await answer('pre', PRE)
    expect(again.status).toBe(409)
    expect(again.headers.get('content-type')).toBe('application/problem+json')
    expect(await again.json()).toMatchObject({ code: 'questionnaire-answered' })
    const list: QuestionnaireList = await (await api.app.request(path(), withToken(made.manageToken))).json()
    expect(list.items[0]?.status).toBe('answered')
  })

  it('answers 409 outside the window: post before the end, pre after the start', async () => {
    const early = await answer('post', POST)
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({ code: 'questionnaire-not-open' })

    api.deps.clock.set(END)
    const late = await answer('pre', PRE)
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ code: 'questionnaire-closed' })
  })

  it('lets an attended booking answer post in its window', async () => {
    api.deps.clock.set(new Date(END.getTime() + DAY))
    await api.deps.bookings.changeStatus({
      bookingId: made.id,
      from: 'confirmed',
      to: 'attended',
      by: 'trainer',
      at: api.deps.clock.now(),
    })
    expect((await answer('post', POST)).status).toBe(200)
    const [response] = await api.deps.questionnaires.forSessions([made.sessionId])
    expect(response).toMatchObject({ bookingId: made.id, kind: 'post', answers: POST })
  })

  it.each([
    ['a missing required item', { confidence: 2 }, 'answers.knowledge', 'Choose a rating from 1 to 5'],
    [
      'a rating outside 1 to 5',
      { ...PRE, confidence: 6 },
      'answers.confidence',
      'Choose a rating from 1 to 5',
    ],
    [
      'an unknown item',
      { ...PRE, colour: 'blue' },
      'answers.colour',
      'This question is not in the questionnaire',
    ],
  ])(
    'answers 422 problem+json naming the item for %s, recording nothing',
    async (_, answers, field, message) => {
      const res = await answer('pre', answers)
      expect(res.status).toBe(422)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(await res.json()).toMatchObject({ code: 'invalid-answers', errors: [{ field, message }] })
      expect(await api.deps.questionnaires.getResponse(made.id, 'pre')).toBeUndefined()
    },
  )

  it('answers 401 without a token, 404 for a wrong one, and 400 for an unknown kind', async () => {
    expect((await api.app.request(path())).status).toBe(401)
    expect((await api.app.request(path(), withToken('wrong'))).status).toBe(404)
    expect((await answer('pre', PRE, 'wrong')).status).toBe(404)
    const unknown = await api.app.request(path('during'), withToken(made.manageToken))
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).errors[0].field).toBe('kind')
  })
})
