import type {
  QuestionnaireKind,
  QuestionnaireResponse,
  QuestionnaireTemplate,
} from '../schemas/questionnaire.ts'

/** What people wrote in one free-text question. */
export interface FreeTextAnswers {
  kind: QuestionnaireKind
  itemId: string
  /** The question as worded in the first version answered. */
  text: string
  /** Non-empty answers, oldest first. */
  answers: string[]
}

/**
 * The free-text answers, question by question. Kept apart from `computeResults` because words
 * can name people: only administrators and the session's own trainers read them, never LA
 * officers.
 */
export function freeTextAnswers(
  responses: readonly QuestionnaireResponse[],
  templates: readonly QuestionnaireTemplate[],
): FreeTextAnswers[] {
  const versions = new Map(templates.map((t) => [`${t.id}#${t.version}`, t]))
  const questions = new Map<string, FreeTextAnswers>()
  const oldestFirst = [...responses].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt))
  for (const response of oldestFirst) {
    const template = versions.get(`${response.templateId}#${response.version}`)
    for (const item of template?.items ?? []) {
      const value = response.answers[item.id]
      if (item.type !== 'text' || typeof value !== 'string' || value.trim() === '') continue
      const key = `${response.kind}#${item.id}`
      const question = questions.get(key) ?? {
        kind: response.kind,
        itemId: item.id,
        text: item.text,
        answers: [],
      }
      question.answers.push(value.trim())
      questions.set(key, question)
    }
  }
  return [...questions.values()]
}
