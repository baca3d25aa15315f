import {
  attachCourseTemplate,
  createTemplate,
  DEFAULT_TEMPLATES,
  editTemplate,
  listTemplates,
  type QuestionnaireItem,
  readTemplate,
  type TemplateAdminDeps,
  templateHistory,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { fakeClock, makeCourse, sequentialIds } from '../support/factories.ts'
import { createInMemoryBookingRepository } from '../support/in-memory-bookings.ts'
import {
  createInMemoryQuestionnaires,
  type InMemoryQuestionnaires,
} from '../support/in-memory-questionnaires.ts'

let deps: TemplateAdminDeps & { questionnaires: InMemoryQuestionnaires }

const TEXT: QuestionnaireItem = { id: 'words', type: 'text', text: 'Which signs do you use?', required: true }

beforeEach(() => {
  deps = {
    questionnaires: createInMemoryQuestionnaires(),
    catalogue: createInMemoryBookingRepository({
      courses: [makeCourse(), makeCourse({ id: 'signing', title: 'Signing' })],
    }),
    clock: fakeClock(),
    ids: sequentialIds(),
  }
})

describe('listTemplates', () => {
  it('lists the in-code defaults before anything is stored, each used by every course', async () => {
    const listed = await listTemplates(deps)
    expect(listed.map((s) => [s.template.id, s.template.version, s.isDefault, s.courseIds])).toEqual([
      ['default-pre', 1, true, ['signing', 'slcn-core']],
      ['default-post', 1, true, ['signing', 'slcn-core']],
      ['default-follow-up', 1, true, ['signing', 'slcn-core']],
    ])
  })

  it('moves a course from the default to its own template when one is attached, and back', async () => {
    const own = await createTemplate(deps, { kind: 'pre', name: 'Signing before', items: [TEXT] }, 'admin')
    expect(await attachCourseTemplate(deps, 'signing', 'pre', own.id)).toEqual({
      pre: own.id,
      post: 'default-post',
      'follow-up': 'default-follow-up',
    })
    const usedBy = async (id: string) =>
      (await listTemplates(deps)).find((s) => s.template.id === id)?.courseIds
    expect(await usedBy(own.id)).toEqual(['signing'])
    expect(await usedBy('default-pre')).toEqual(['slcn-core'])

    await attachCourseTemplate(deps, 'signing', 'pre', null)
    expect(await usedBy(own.id)).toEqual([])
    expect(await usedBy('default-pre')).toEqual(['signing', 'slcn-core'])
  })
})

describe('editTemplate', () => {
  it('stores the in-code default as version 1, then the edit as version 2, leaving version 1 as it was', async () => {
    const items = DEFAULT_TEMPLATES.post.items.map((item) =>
      item.id === 'comments' ? { ...item, text: 'Anything else to tell us?' } : item,
    )
    const saved = await editTemplate(deps, 'default-post', { name: 'After', items }, 'admin-sub')

    expect(saved).toMatchObject({ id: 'default-post', kind: 'post', version: 2, createdBy: 'admin-sub' })
    expect(await readTemplate(deps.questionnaires, 'default-post', 1)).toEqual(DEFAULT_TEMPLATES.post)
    expect((await readTemplate(deps.questionnaires, 'default-post')).items.at(-1)?.text).toBe(
      'Anything else to tell us?',
    )
    expect((await templateHistory(deps.questionnaires, 'default-post')).map((t) => t.version)).toEqual([1, 2])
  })

  it.each([
    ['an id used twice', [TEXT, { ...TEXT, text: 'Again' }], 'items.1.id'],
    ['an id that was another type before', [{ ...TEXT, id: 'confidence' }], 'items.0.id'],
    [
      'two ratings measuring confidence',
      [
        DEFAULT_TEMPLATES.pre.items[0] as QuestionnaireItem,
        { ...(DEFAULT_TEMPLATES.pre.items[1] as QuestionnaireItem), tag: 'confidence' } as QuestionnaireItem,
      ],
      'items.1.tag',
    ],
  ])('refuses %s with invalid-template naming the field, storing nothing', async (_, items, field) => {
    const attempt = editTemplate(deps, 'default-pre', { name: 'Before', items }, 'admin')
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-template', fieldErrors: [{ field }] })
    expect((await templateHistory(deps.questionnaires, 'default-pre')).map((t) => t.version)).toEqual([1])
  })

  it('answers template-not-found for an unknown template', async () => {
    await expect(editTemplate(deps, 'nope', { name: 'x', items: [TEXT] }, 'admin')).rejects.toMatchObject({
      code: 'template-not-found',
    })
    await expect(readTemplate(deps.questionnaires, 'default-pre', 2)).rejects.toMatchObject({
      code: 'template-not-found',
    })
  })
})

describe('attachCourseTemplate', () => {
  it('refuses a template of another kind or an unknown one, naming templateId, and an unknown course', async () => {
    const own = await createTemplate(deps, { kind: 'pre', name: 'Signing before', items: [TEXT] }, 'admin')
    await expect(attachCourseTemplate(deps, 'signing', 'post', own.id)).rejects.toMatchObject({
      code: 'invalid-template',
      fieldErrors: [{ field: 'templateId' }],
    })
    await expect(attachCourseTemplate(deps, 'signing', 'post', 'nope')).rejects.toMatchObject({
      fieldErrors: [{ field: 'templateId', message: 'Choose a template from the list' }],
    })
    await expect(attachCourseTemplate(deps, 'nope', 'pre', own.id)).rejects.toMatchObject({
      code: 'course-not-found',
    })
    expect(await deps.questionnaires.attachments()).toEqual([])
  })
})
