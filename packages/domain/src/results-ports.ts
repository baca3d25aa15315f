import type { QuestionnaireResponse, QuestionnaireTemplate } from './schemas/questionnaire.ts'

/** The stored questionnaire responses, as results read them. */
export interface QuestionnaireResponses {
  /** Every response (any kind) to the sessions, in no particular order. */
  forSessions(sessionIds: readonly string[]): Promise<QuestionnaireResponse[]>
  /** Every response (any kind) of these bookings, in no particular order. */
  forBookings(bookingIds: readonly string[]): Promise<QuestionnaireResponse[]>
}

/** One version of one template, as a response names it. */
export interface TemplateVersionRef {
  templateId: string
  version: number
}

/** The template versions responses were given, so results know each item's type, tag, measure and wording. */
export interface QuestionnaireTemplateVersions {
  /** The versions asked for that exist (a ref may repeat; each version comes once). */
  templateVersions(refs: readonly TemplateVersionRef[]): Promise<QuestionnaireTemplate[]>
}

/** The two readers results need, wired together (the questionnaires store implements both). */
export interface ResultsReaders {
  responses: QuestionnaireResponses
  templates: QuestionnaireTemplateVersions
}
