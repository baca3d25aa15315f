import { randomUUID } from 'node:crypto'
import type { ResultsView } from '@ey/contract'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import {
  LEEDS,
  makeCourse,
  makeQuestionnaireResponse,
  makeQuestionnaireTemplate,
  makeSession,
} from '../../../support/factories.ts'
import {
  createInMemoryQuestionnaires,
  inMemoryResultsReaders,
} from '../../../support/in-memory-questionnaires.ts'
import { type DemoStaffName, staffToken } from '../../../support/staff.ts'
import { booked, createTestApi, type TestApi } from '../support.ts'

const NORTH_EAST_LA = 'E08000021'
const session = makeSession({ id: `s-${randomUUID()}`, trainerIds: ['trainer-amira'] })
let api: TestApi

beforeAll(async () => {
  const store = createInMemoryQuestionnaires()
  api = await createTestApi({ results: inMemoryResultsReaders(store) })
  await api.catalogue.putCourse(makeCourse())
  await storeSessions(api.table, session)
  const booking = await booked(api, session.id, { laCode: LEEDS })
  store.addTemplate(makeQuestionnaireTemplate({ id: 'tpl-pre', kind: 'pre' }))
  store.addTemplate(makeQuestionnaireTemplate())
  const base = { sessionId: session.id, laCode: LEEDS }
  store.addResponse(
    makeQuestionnaireResponse({
      ...base,
      bookingId: booking.id,
      kind: 'pre',
      templateId: 'tpl-pre',
      answers: { confidence: 2 },
    }),
  )
  store.addResponse(
    makeQuestionnaireResponse({
      ...base,
      bookingId: booking.id,
      answers: { confidence: 5, useful: true, comments: 'Great' },
    }),
  )
})

async function results(user: DemoStaffName, query: string): Promise<Response> {
  return api.app.request(`/api/staff/results?${query}`, {
    headers: { Authorization: `Bearer ${await staffToken(user)}` },
  })
}

describe('GET /api/staff/results', () => {
  it("answers an administrator a session's raw figures and free text", async () => {
    const response = await results('admin', `sessionId=${session.id}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const body = (await response.json()) as ResultsView
    expect(body).toMatchObject({
      sessions: 1,
      responses: { pre: 1, post: 1, followUp: 0, matched: 1, invited: 1 },
      usefulShare: 100,
      freeText: [{ kind: 'post', itemId: 'comments', answers: ['Great'] }],
    })
    expect(body.ratings[0]).toMatchObject({
      tag: 'confidence',
      n: 1,
      meanBefore: 2,
      meanAfter: 5,
      meanChange: 3,
    })
  })

  it('answers an LA officer of the LA the suppressed figures, never free text', async () => {
    const response = await results('la-leeds', `sessionId=${session.id}&la=${LEEDS}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as ResultsView
    expect(body).toMatchObject({ responses: { pre: 'c', post: 'c' }, usefulShare: 'c' })
    expect(body.ratings[0]).toMatchObject({ n: 'c', meanBefore: 'c', share45After: 'c' })
    expect(body).not.toHaveProperty('freeText')
  })

  it("answers 403 to an LA officer's token on the results of another LA", async () => {
    for (const query of [
      `sessionId=${session.id}&la=${NORTH_EAST_LA}`,
      `la=${NORTH_EAST_LA}&from=2026-01-01&to=2026-12-31`,
    ]) {
      const response = await results('la-leeds', query)
      expect(response.status).toBe(403)
      expect(response.headers.get('Content-Type')).toContain('application/problem+json')
    }
  })

  it('answers 403 to a trainer on a session they do not train', async () => {
    expect((await results('trainer-ben', `sessionId=${session.id}`)).status).toBe(403)
    expect((await results('trainer-amira', `sessionId=${session.id}`)).status).toBe(200)
  })

  it.each([
    ['region=nowhere&from=2026-01-01&to=2026-12-31', 'region'],
    ['la=E99999999&from=2026-01-01&to=2026-12-31', 'la'],
    [`courseId=${'slcn-core'}`, 'from'],
    ['from=2026-01-01', 'to'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const response = await results('admin', query)
    expect(response.status).toBe(400)
    const problem = (await response.json()) as { errors: { field: string }[] }
    expect(problem.errors.map((error) => error.field)).toContain(field)
  })

  it('answers 404 for a session that does not exist', async () => {
    expect((await results('admin', 'sessionId=missing')).status).toBe(404)
  })

  it('reads the sessions of a course in a period, by London days', async () => {
    const day = session.parts[0]?.startsAt.slice(0, 10) ?? ''
    const response = await results('admin', `courseId=${session.courseId}&from=${day}&to=${day}`)
    expect(await response.json()).toMatchObject({ sessions: 1, responses: { post: 1 } })
  })
})
