import {
  answerQuestionnaire,
  DEFAULT_TEMPLATES,
  ensureDefaultTemplates,
  getQuestionnaire,
  listQuestionnaires,
  type QuestionnaireDeps,
  saveTemplateVersion,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { DAY, makeBooking, makeCourse, makeDeps, type TestDeps } from '../support/factories.ts'
import { createInMemoryQuestionnaires } from '../support/in-memory-questionnaires.ts'

const TOKEN = 'the-manage-token'
// makeBooking's session: 1 December 2026, 16:00 to 17:30 (GMT), booked on 2 November.
const BOOKED = new Date('2026-11-02T10:00:00.000Z')
const END = new Date('2026-12-01T17:30:00.000Z')
const PRE = { confidence: 2, knowledge: 3, hopes: 'How to use signing' }
const POST = { confidence: 5, knowledge: 4, useful: true, informative: true, recommend: false }
const FOLLOW_UP = { used: true, confidence: 4 }

let deps: TestDeps & QuestionnaireDeps

function putBooking(status: 'confirmed' | 'attended' | 'cancelled' = 'confirmed') {
  deps.bookings.putBooking(makeBooking({ status, manageTokenHash: deps.tokens.hash(TOKEN) }))
}

beforeEach(() => {
  const base = makeDeps()
  deps = { ...base, questionnaires: createInMemoryQuestionnaires(), catalogue: base.bookings }
  deps.clock.set(BOOKED)
  putBooking()
})

describe('listQuestionnaires', () => {
  it("gives each kind's window and status, answered once a response is stored", async () => {
    await answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)
    const list = await listQuestionnaires(deps, 'bk_0001', TOKEN)
    expect(list.map((w) => [w.kind, w.status])).toEqual([
      ['pre', 'answered'],
      ['post', 'not-open'],
      ['follow-up', 'not-open'],
    ])
    expect(list[1]?.opensAt).toEqual(END)
  })

  it("moves the follow-up by the course's own delay, and answers within the moved window", async () => {
    deps.bookings.putCourse(
      makeCourse({ questionnaireDays: { post: 7, followUpAfter: 90, followUpOpen: 14 } }),
    )
    putBooking('attended')
    deps.clock.set(new Date(END.getTime() + 60 * DAY))

    const [, post, followUp] = await listQuestionnaires(deps, 'bk_0001', TOKEN)
    expect(post).toMatchObject({ status: 'closed', closesAt: new Date(END.getTime() + 7 * DAY) })
    expect(followUp).toMatchObject({
      status: 'not-open',
      opensAt: new Date(END.getTime() + 90 * DAY),
      closesAt: new Date(END.getTime() + 104 * DAY),
    })
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'follow-up', FOLLOW_UP)).rejects.toMatchObject({
      code: 'questionnaire-not-open',
    })
    deps.clock.set(new Date(END.getTime() + 90 * DAY))
    expect(await answerQuestionnaire(deps, 'bk_0001', TOKEN, 'follow-up', FOLLOW_UP)).toMatchObject({
      kind: 'follow-up',
    })
  })

  it('answers booking-not-found for a wrong token', async () => {
    await expect(listQuestionnaires(deps, 'bk_0001', 'wrong')).rejects.toMatchObject({
      code: 'booking-not-found',
    })
  })
})

describe('answerQuestionnaire', () => {
  it('stores the answers with the version given and what reports group by', async () => {
    const response = await answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', { ...PRE, hopes: ' ' })
    expect(response).toEqual({
      bookingId: 'bk_0001',
      kind: 'pre',
      templateId: 'default-pre',
      version: 1,
      sessionId: 'ses_0001',
      courseId: 'slcn-core',
      laCode: 'E08000035',
      sessionStartsAt: '2026-12-01T16:00:00.000Z',
      answers: { confidence: 2, knowledge: 3 },
      submittedAt: BOOKED.toISOString(),
    })
    expect(await deps.questionnaires.getResponse('bk_0001', 'pre')).toEqual(response)
  })

  it('refuses a second answer with questionnaire-answered', async () => {
    await answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)).rejects.toMatchObject({
      code: 'questionnaire-answered',
    })
  })

  it('refuses outside the window: not open before it, closed after it', async () => {
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'post', POST)).rejects.toMatchObject({
      code: 'questionnaire-not-open',
    })
    deps.clock.set(new Date(END.getTime() + 14 * DAY))
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)).rejects.toMatchObject({
      code: 'questionnaire-closed',
    })
  })

  it('lets only an attended booking answer post, and not a cancelled one answer pre', async () => {
    deps.clock.set(END)
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'post', POST)).rejects.toMatchObject({
      code: 'questionnaire-not-open',
    })
    putBooking('attended')
    expect(await answerQuestionnaire(deps, 'bk_0001', TOKEN, 'post', POST)).toMatchObject({ kind: 'post' })

    deps.clock.set(BOOKED)
    putBooking('cancelled')
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)).rejects.toMatchObject({
      code: 'questionnaire-closed',
    })
  })

  it('refuses invalid answers with invalid-answers naming each item, storing nothing', async () => {
    const attempt = answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', { confidence: 7 })
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-answers',
      fieldErrors: [
        { field: 'answers.confidence', message: 'Choose a rating from 1 to 5' },
        { field: 'answers.knowledge', message: 'Choose a rating from 1 to 5' },
      ],
    })
    expect(await deps.questionnaires.getResponse('bk_0001', 'pre')).toBeUndefined()
  })
})

describe('template versions', () => {
  it('answers the in-code default before anything is stored, and the stored defaults after ensureDefaultTemplates', async () => {
    expect(await getQuestionnaire(deps, 'bk_0001', TOKEN, 'post')).toEqual(DEFAULT_TEMPLATES.post)
    await ensureDefaultTemplates(deps.questionnaires)
    await ensureDefaultTemplates(deps.questionnaires)
    expect(await deps.questionnaires.latestVersion('default-post')).toEqual(DEFAULT_TEMPLATES.post)
  })

  it('makes a new version when a template is edited after answers, and old answers keep their wording', async () => {
    await ensureDefaultTemplates(deps.questionnaires)
    await answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)
    const original = DEFAULT_TEMPLATES.pre
    const reworded = original.items.map((item) =>
      item.id === 'confidence' ? { ...item, text: 'How confident are you now?' } : item,
    )

    const saved = await saveTemplateVersion(deps.questionnaires, {
      ...original,
      items: reworded,
      createdBy: 'admin-1',
    })

    expect(saved.version).toBe(2)
    expect(await deps.questionnaires.templateVersion('default-pre', 1)).toEqual(original)
    expect(await getQuestionnaire(deps, 'bk_0001', TOKEN, 'pre')).toEqual(original)
    deps.bookings.putBooking(
      makeBooking({ id: 'bk_0002', reference: 'K7QP-2MXE', manageTokenHash: deps.tokens.hash(TOKEN) }),
    )
    const fresh = await getQuestionnaire(deps, 'bk_0002', TOKEN, 'pre')
    expect(fresh.version).toBe(2)
    expect(fresh.items[0]?.text).toBe('How confident are you now?')
    expect(await answerQuestionnaire(deps, 'bk_0002', TOKEN, 'pre', PRE)).toMatchObject({ version: 2 })
  })

  it("uses the template attached to the booking's course", async () => {
    const own = await saveTemplateVersion(deps.questionnaires, {
      ...DEFAULT_TEMPLATES.pre,
      id: 'slcn-pre',
      name: 'SLCN before',
      items: [{ id: 'words', type: 'text', text: 'Which words do you sign?', required: true }],
    })
    await deps.questionnaires.attachTemplate('slcn-core', 'pre', 'slcn-pre')

    expect(await getQuestionnaire(deps, 'bk_0001', TOKEN, 'pre')).toEqual(own)
    await expect(answerQuestionnaire(deps, 'bk_0001', TOKEN, 'pre', PRE)).rejects.toMatchObject({
      code: 'invalid-answers',
    })
  })
})
