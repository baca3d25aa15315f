import {
  DomainError,
  type QuestionnaireResponse,
  type QuestionnaireStore,
  type QuestionnaireTemplate,
} from '@ey/domain'

/** Questionnaire templates and responses in memory, with the table's once-only writes. */
export function createInMemoryQuestionnaires(): QuestionnaireStore {
  const versions = new Map<string, QuestionnaireTemplate>()
  const attached = new Map<string, string>()
  const responses = new Map<string, QuestionnaireResponse>()
  const versionsOf = (id: string) =>
    [...versions.values()].filter((t) => t.id === id).sort((a, b) => a.version - b.version)
  return {
    courseTemplateId: async (courseId, kind) => attached.get(`${courseId}#${kind}`),
    attachTemplate: async (courseId, kind, templateId) => {
      attached.set(`${courseId}#${kind}`, templateId)
    },
    latestVersion: async (id) => structuredClone(versionsOf(id).at(-1)),
    templateVersion: async (id, version) => structuredClone(versions.get(`${id}#${version}`)),
    addTemplateVersion: async (template) => {
      const key = `${template.id}#${template.version}`
      if (versions.has(key)) throw new DomainError('already-exists')
      versions.set(key, structuredClone(template))
    },
    getResponse: async (bookingId, kind) => structuredClone(responses.get(`${bookingId}#${kind}`)),
    saveResponse: async (response) => {
      const key = `${response.bookingId}#${response.kind}`
      if (responses.has(key)) throw new DomainError('questionnaire-answered')
      responses.set(key, structuredClone(response))
    },
    forSessions: async (sessionIds) =>
      [...responses.values()].filter((r) => sessionIds.includes(r.sessionId)).map((r) => structuredClone(r)),
  }
}
