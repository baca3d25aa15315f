import { randomUUID } from 'node:crypto'
import type {
  NewBookingView,
  QuestionnaireView,
  TemplateList,
  TemplateVersionList,
  TemplateView,
} from '@ey/contract'
import { DEFAULT_TEMPLATES, type QuestionnaireItem } from '@ey/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { storeSessions } from '../../../support/dynamo.ts'
import { makeCourse, makeSession } from '../../../support/factories.ts'
import { type AdminCall, createAdminTestApi } from '../admin-support.ts'
import { booked, type TestApi, withToken } from '../support.ts'

let api: TestApi
let call: AdminCall

beforeAll(async () => {
  ;({ api, call } = await createAdminTestApi())
})

const PRE = { confidence: 2, knowledge: 3, hopes: 'How to use signing' }
const SIGNS: QuestionnaireItem = {
  id: 'signs',
  type: 'text',
  text: 'Which signs do you use?',
  required: false,
}

/** A booking of a session of its own two weeks ahead, whose pre questionnaire is open. */
async function booking(): Promise<NewBookingView> {
  const id = `s-${randomUUID()}`
  await storeSessions(api.table, makeSession({ id }))
  return booked(api, id, { email: `${randomUUID()}@example.org` })
}

async function questions(made: NewBookingView, kind: string): Promise<QuestionnaireView> {
  return (
    await api.app.request(`/api/bookings/${made.id}/questionnaires/${kind}`, withToken(made.manageToken))
  ).json()
}

const reworded = (items: readonly QuestionnaireItem[], id: string, text: string) =>
  items.map((item) => (item.id === id ? { ...item, text } : item))

describe('/api/admin/questionnaires', () => {
  it('lists the defaults, each used by the course, before anything is stored', async () => {
    const res = await call('/questionnaires')
    expect(res.status).toBe(200)
    const body: TemplateList = await res.json()
    expect(body.items.filter((t) => t.isDefault)).toEqual([
      {
        id: 'default-pre',
        kind: 'pre',
        name: 'Before the session',
        version: 1,
        isDefault: true,
        courseIds: ['slcn-core'],
      },
      {
        id: 'default-post',
        kind: 'post',
        name: 'After the session',
        version: 1,
        isDefault: true,
        courseIds: ['slcn-core'],
      },
      {
        id: 'default-follow-up',
        kind: 'follow-up',
        name: 'Some weeks later',
        version: 1,
        isDefault: true,
        courseIds: ['slcn-core'],
      },
    ])
  })

  it('saves an edit as a new version: a response answered on version 1 still reads its wording', async () => {
    const answered = await booking()
    const put = await api.app.request(`/api/bookings/${answered.id}/questionnaires/pre`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${answered.manageToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: PRE }),
    })
    expect(put.status).toBe(200)
    const before = await call('/questionnaires/default-pre')
    const current: TemplateView = await before.json()

    const items = reworded(current.items, 'hopes', 'What would you most like to learn?')
    const edited = await call('/questionnaires/default-pre', {
      method: 'PUT',
      json: { name: current.name, items },
    })
    expect(edited.status).toBe(200)
    const saved: TemplateView = await edited.json()
    expect(saved).toMatchObject({ id: 'default-pre', version: current.version + 1 })

    expect((await questions(answered, 'pre')).items.at(-1)?.text).toBe('What do you hope to learn?')
    expect((await questions(await booking(), 'pre')).items.at(-1)?.text).toBe(
      'What would you most like to learn?',
    )
    const old: TemplateView = await (
      await call(`/questionnaires/default-pre?version=${current.version}`)
    ).json()
    expect(old.items.at(-1)?.text).toBe('What do you hope to learn?')
    const versions: TemplateVersionList = await (await call('/questionnaires/default-pre/versions')).json()
    expect(versions.items.map((v) => v.version)).toEqual([1, 2])
    expect(versions.items[1]).toMatchObject({ questions: 3, name: 'Before the session' })
  })

  it('adds a template and attaches it to a course of its kind, then the default again', async () => {
    const created = await call('/questionnaires', {
      method: 'POST',
      json: { kind: 'post', name: 'Signing after', items: [SIGNS] },
    })
    expect(created.status).toBe(201)
    const template: TemplateView = await created.json()
    expect(template).toMatchObject({ kind: 'post', version: 1, name: 'Signing after', items: [SIGNS] })

    const attached = await call(`/courses/slcn-core/questionnaires/post`, {
      method: 'PUT',
      json: { templateId: template.id },
    })
    expect(await attached.json()).toEqual({
      pre: 'default-pre',
      post: template.id,
      'follow-up': 'default-follow-up',
    })
    const list: TemplateList = await (await call('/questionnaires')).json()
    expect(list.items.find((t) => t.id === template.id)?.courseIds).toEqual(['slcn-core'])
    expect(list.items.find((t) => t.id === 'default-post')?.courseIds).toEqual([])
    expect((await questions(await booking(), 'post')).items.map((i) => i.id)).toEqual(['signs'])

    const back = await call(`/courses/slcn-core/questionnaires/post`, {
      method: 'PUT',
      json: { templateId: null },
    })
    expect((await back.json()).post).toBe('default-post')
  })

  it('answers 422 naming templateId for a template of another kind, attaching nothing', async () => {
    const res = await call('/courses/slcn-core/questionnaires/pre', {
      method: 'PUT',
      json: { templateId: 'default-post' },
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect((await res.json()).errors).toEqual([
      { field: 'templateId', message: 'Choose a pre template: this one is a post template' },
    ])
    expect(
      (await call('/courses/nope/questionnaires/pre', { method: 'PUT', json: { templateId: null } })).status,
    ).toBe(404)
  })

  it.each([
    ['an id used twice', [SIGNS, { ...SIGNS, text: 'Again?' }], 'items.1.id'],
    [
      'a choice with one option',
      [{ id: 'pick', type: 'choice', text: 'Pick', required: true, options: ['A'] }],
      'items.0.options',
    ],
    [
      'a rating without its labels',
      [{ id: 'rate', type: 'rating', text: 'Rate', required: true, lowLabel: 'Low' }],
      'items.0.highLabel',
    ],
    [
      'a rating tagged other than confidence or knowledge',
      [{ ...DEFAULT_TEMPLATES.pre.items[0], tag: 'mood' }],
      'items.0.tag',
    ],
    ['an unknown type', [{ id: 'x', type: 'scale', text: 'X', required: true }], 'items.0.type'],
    ['no questions', [], 'items'],
  ])('answers 422 problem+json naming the field for %s, and saves nothing', async (_, items, field) => {
    const before: TemplateVersionList = await (
      await call('/questionnaires/default-follow-up/versions')
    ).json()
    const res = await call('/questionnaires/default-follow-up', {
      method: 'PUT',
      json: { name: 'Later', items },
    })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const problem = await res.json()
    expect(problem).toMatchObject({ code: 'invalid-template', status: 422 })
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field)
    expect(await (await call('/questionnaires/default-follow-up/versions')).json()).toEqual(before)
  })

  it('answers 404 for an unknown template or version', async () => {
    expect((await call('/questionnaires/nope')).status).toBe(404)
    expect((await call('/questionnaires/default-post?version=99')).status).toBe(404)
    expect((await call('/questionnaires/nope/versions')).status).toBe(404)
    expect(
      (await call('/questionnaires/nope', { method: 'PUT', json: { name: 'x', items: [SIGNS] } })).status,
    ).toBe(404)
  })
})

describe("a course's own questionnaire windows", () => {
  it('are saved within bounds and answered 422 naming the field outside them', async () => {
    const days = { post: 21, followUpAfter: 56, followUpOpen: 14 }
    const saved = await call('/courses/slcn-core', {
      method: 'PUT',
      json: makeCourse({ questionnaireDays: days }),
    })
    expect((await saved.json()).questionnaireDays).toEqual(days)

    const res = await call('/courses/slcn-core', {
      method: 'PUT',
      json: makeCourse({ questionnaireDays: { ...days, followUpOpen: 0 } }),
    })
    expect(res.status).toBe(422)
    expect((await res.json()).errors).toEqual([
      {
        field: 'questionnaireDays.followUpOpen',
        message: 'The follow-up questionnaire stays open between 1 and 90 days',
      },
    ])
    await call('/courses/slcn-core', { method: 'PUT', json: makeCourse() })
  })
})
