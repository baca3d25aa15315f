import type {
  QuestionnaireResponse,
  QuestionnaireResponses,
  QuestionnaireTemplate,
  QuestionnaireTemplateVersions,
  ResultsReaders,
} from '@ey/domain'

/** Results' read ports over arrays, for domain and API tests until the DynamoDB store exists. */
export interface InMemoryQuestionnaires extends QuestionnaireResponses, QuestionnaireTemplateVersions {
  /** Stores a response (once per booking and kind, as the real store does). */
  addResponse(response: QuestionnaireResponse): void
  addTemplate(template: QuestionnaireTemplate): void
}

/** An empty store of responses and template versions. */
export function createInMemoryQuestionnaires(): InMemoryQuestionnaires {
  const responses = new Map<string, QuestionnaireResponse>()
  const templates = new Map<string, QuestionnaireTemplate>()
  return {
    addResponse(response) {
      const key = `${response.bookingId}#${response.kind}`
      if (responses.has(key))
        throw new Error(`booking ${response.bookingId} already answered ${response.kind}`)
      responses.set(key, structuredClone(response))
    },
    addTemplate(template) {
      templates.set(`${template.id}#${template.version}`, structuredClone(template))
    },
    async forSessions(sessionIds) {
      const wanted = new Set(sessionIds)
      return [...responses.values()].filter((r) => wanted.has(r.sessionId)).map((r) => structuredClone(r))
    },
    async templateVersions(refs) {
      const keys = new Set(refs.map((ref) => `${ref.templateId}#${ref.version}`))
      return [...keys].flatMap((key) => {
        const template = templates.get(key)
        return template ? [structuredClone(template)] : []
      })
    },
  }
}

/** Results' readers over one in-memory store (the API's `results` in tests). */
export function inMemoryResultsReaders(store = createInMemoryQuestionnaires()): ResultsReaders {
  return { responses: store, templates: store }
}
