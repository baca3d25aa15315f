import { randomUUID } from 'node:crypto'
import {
  DEFAULT_TEMPLATES,
  DomainError,
  type QuestionnaireResponse,
  type QuestionnaireStore,
  type QuestionnaireTemplate,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { LEEDS } from './factories.ts'

/** A response of a booking and session of its own (ids unique per call, so stores can be shared). */
export function makeResponse(overrides: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse {
  return {
    bookingId: `bk-${randomUUID()}`,
    kind: 'pre',
    templateId: 'default-pre',
    version: 1,
    sessionId: `ses-${randomUUID()}`,
    courseId: 'slcn-core',
    laCode: LEEDS,
    sessionStartsAt: '2026-03-16T16:00:00.000Z',
    answers: { confidence: 2, knowledge: 3, hopes: 'Signing' },
    submittedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  }
}

function makeTemplate(overrides: Partial<QuestionnaireTemplate> = {}): QuestionnaireTemplate {
  return { ...DEFAULT_TEMPLATES.post, id: `tpl-${randomUUID()}`, ...overrides }
}

/**
 * The contract every `QuestionnaireStore` must honour: template versions are appended, never
 * changed; a course's attached template is found by kind; a response is stored once per booking
 * and kind and found by its sessions. `makeStore` may hand back the same store each time.
 */
export function describeQuestionnaireContract(name: string, makeStore: () => Promise<QuestionnaireStore>) {
  describe(`${name}: the questionnaire store contract`, () => {
    it('answers the latest version and each version as stored, and refuses to overwrite one', async () => {
      const store = await makeStore()
      const first = makeTemplate({ version: 1 })
      const second = { ...first, version: 2, items: first.items.slice(0, 2) }
      await store.addTemplateVersion(first)
      await store.addTemplateVersion(second)

      await expect(store.addTemplateVersion({ ...first, name: 'Changed' })).rejects.toMatchObject({
        code: 'already-exists',
      })
      expect(await store.latestVersion(first.id)).toEqual(second)
      expect(await store.templateVersion(first.id, 1)).toEqual(first)
      expect(await store.templateVersion(first.id, 3)).toBeUndefined()
      expect(await store.latestVersion(`tpl-${randomUUID()}`)).toBeUndefined()
    })

    it('keeps versions in numeric order past 9', async () => {
      const store = await makeStore()
      const template = makeTemplate()
      for (const version of [9, 10]) await store.addTemplateVersion({ ...template, version })
      expect((await store.latestVersion(template.id))?.version).toBe(10)
    })

    it('finds the template attached to a course by kind, the latest attachment winning', async () => {
      const store = await makeStore()
      const courseId = `course-${randomUUID()}`
      expect(await store.courseTemplateId(courseId, 'post')).toBeUndefined()
      await store.attachTemplate(courseId, 'post', 'tpl-a')
      await store.attachTemplate(courseId, 'post', 'tpl-b')
      expect(await store.courseTemplateId(courseId, 'post')).toBe('tpl-b')
      expect(await store.courseTemplateId(courseId, 'pre')).toBeUndefined()
    })

    it('lists every version of a template, and the latest of every template', async () => {
      const store = await makeStore()
      const template = makeTemplate({ version: 1 })
      const other = makeTemplate({ version: 1 })
      for (const version of [1, 2, 3]) await store.addTemplateVersion({ ...template, version })
      await store.addTemplateVersion(other)

      expect((await store.templateVersions(template.id)).map((t) => t.version)).toEqual([1, 2, 3])
      expect(await store.templateVersions(`tpl-${randomUUID()}`)).toEqual([])
      const listed = await store.listTemplates()
      expect(listed.find((t) => t.id === template.id)).toEqual({ ...template, version: 3 })
      expect(listed.find((t) => t.id === other.id)).toEqual(other)
    })

    it('lists the templates attached to courses, and forgets one detached', async () => {
      const store = await makeStore()
      const courseId = `course-${randomUUID()}`
      await store.attachTemplate(courseId, 'pre', 'tpl-a')
      await store.attachTemplate(courseId, 'post', 'tpl-b')
      await store.detachTemplate(courseId, 'pre')

      expect(await store.courseTemplateId(courseId, 'pre')).toBeUndefined()
      const mine = (await store.attachments()).filter((a) => a.courseId === courseId)
      expect(mine).toEqual([{ courseId, kind: 'post', templateId: 'tpl-b' }])
    })

    it('stores a response once per booking and kind', async () => {
      const store = await makeStore()
      const response = makeResponse()
      await store.saveResponse(response)

      const again = store.saveResponse({ ...response, answers: { confidence: 5, knowledge: 5 } })
      await expect(again).rejects.toBeInstanceOf(DomainError)
      await expect(again).rejects.toMatchObject({ code: 'questionnaire-answered' })
      expect(await store.getResponse(response.bookingId, 'pre')).toEqual(response)
      expect(await store.getResponse(response.bookingId, 'post')).toBeUndefined()
      await store.saveResponse({ ...response, kind: 'post' })
      expect(await store.getResponse(response.bookingId, 'post')).toMatchObject({ kind: 'post' })
    })

    it('lists the responses of the sessions asked for, and only those', async () => {
      const store = await makeStore()
      const [a, b, other] = [makeResponse(), makeResponse(), makeResponse()]
      const a2 = { ...makeResponse({ sessionId: a.sessionId }), kind: 'post' as const }
      for (const response of [a, b, other, a2]) await store.saveResponse(response)

      const found = await store.forSessions([a.sessionId, b.sessionId])
      const byKey = (r: QuestionnaireResponse) => `${r.bookingId}#${r.kind}`
      expect(found.map(byKey).sort()).toEqual([a, a2, b].map(byKey).sort())
      expect(found.find((r) => r.bookingId === a.bookingId)).toEqual(a)
      expect(await store.forSessions([])).toEqual([])
    })

    it('reads the responses of the bookings asked for, every kind, and only those', async () => {
      const store = await makeStore()
      const [a, b, other] = [makeResponse(), makeResponse(), makeResponse()]
      const a2 = { ...a, kind: 'post' as const }
      for (const response of [a, b, other, a2]) await store.saveResponse(response)

      const missing = `booking-${randomUUID()}`
      const found = await store.forBookings([a.bookingId, b.bookingId, missing])
      const byKey = (r: QuestionnaireResponse) => `${r.bookingId}#${r.kind}`
      expect(found.map(byKey).sort()).toEqual([a, a2, b].map(byKey).sort())
      expect(found.find((r) => byKey(r) === byKey(a))).toEqual(a)
      expect(await store.forBookings([])).toEqual([])
    })
  })
}
