import {
  DomainError,
  type QuestionnaireKind,
  type QuestionnaireResponse,
  type QuestionnaireStore,
  type QuestionnaireTemplate,
  questionnaireReaders,
  type ResultsReaders,
} from '@ey/domain'

/** The questionnaire store in memory, and two ways for a test to arrange it at once. */
export interface InMemoryQuestionnaires extends QuestionnaireStore {
  /** Stores a response (once per booking and kind, as the real store does). */
  addResponse(response: QuestionnaireResponse): void
  /** Stores a template version. */
  addTemplate(template: QuestionnaireTemplate): void
}

/** Questionnaire templates and responses in memory, with the table's once-only writes. */
export function createInMemoryQuestionnaires(): InMemoryQuestionnaires {
  const versions = new Map<string, QuestionnaireTemplate>()
  const attached = new Map<string, string>()
  const responses = new Map<string, QuestionnaireResponse>()
  const versionsOf = (id: string) =>
    [...versions.values()].filter((t) => t.id === id).sort((a, b) => a.version - b.version)
  const addResponse = (response: QuestionnaireResponse) => {
    const key = `${response.bookingId}#${response.kind}`
    if (responses.has(key)) throw new DomainError('questionnaire-answered')
    responses.set(key, structuredClone(response))
  }
  const addTemplate = (template: QuestionnaireTemplate) => {
    const key = `${template.id}#${template.version}`
    if (versions.has(key)) throw new DomainError('already-exists')
    versions.set(key, structuredClone(template))
  }
  return {
    addResponse,
    addTemplate,
    courseTemplateId: async (courseId, kind) => attached.get(`${courseId}#${kind}`),
    attachTemplate: async (courseId, kind, templateId) => {
      attached.set(`${courseId}#${kind}`, templateId)
    },
    detachTemplate: async (courseId, kind) => {
      attached.delete(`${courseId}#${kind}`)
    },
    attachments: async () =>
      [...attached].map(([key, templateId]) => {
        const [courseId = '', kind] = key.split('#') as [string, QuestionnaireKind]
        return { courseId, kind, templateId }
      }),
    listTemplates: async () =>
      [...new Set([...versions.values()].map((t) => t.id))].flatMap((id) =>
        structuredClone(versionsOf(id).slice(-1)),
      ),
    templateVersions: async (id) => structuredClone(versionsOf(id)),
    latestVersion: async (id) => structuredClone(versionsOf(id).at(-1)),
    templateVersion: async (id, version) => structuredClone(versions.get(`${id}#${version}`)),
    addTemplateVersion: async (template) => addTemplate(template),
    getResponse: async (bookingId, kind) => structuredClone(responses.get(`${bookingId}#${kind}`)),
    saveResponse: async (response) => addResponse(response),
    forSessions: async (sessionIds) =>
      [...responses.values()].filter((r) => sessionIds.includes(r.sessionId)).map((r) => structuredClone(r)),
    forBookings: async (bookingIds) =>
      [...responses.values()].filter((r) => bookingIds.includes(r.bookingId)).map((r) => structuredClone(r)),
  }
}

/** Results' readers over an in-memory store (the API's `results` in tests), as `wireCore` makes them. */
export function inMemoryResultsReaders(
  store: QuestionnaireStore = createInMemoryQuestionnaires(),
): ResultsReaders {
  const { responses, templates } = questionnaireReaders(store)
  return { responses, templates }
}
