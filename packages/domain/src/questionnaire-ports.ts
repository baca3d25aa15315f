import type { BookingDeps } from './ports.ts'
import type {
  QuestionnaireKind,
  QuestionnaireResponse,
  QuestionnaireTemplate,
} from './schemas/questionnaire.ts'

/**
 * Storage of questionnaire templates (append-only versions) and of responses (one per booking
 * and kind). Template reads answer undefined where nothing is stored: the use cases then fall
 * back to the in-code defaults (`DEFAULT_TEMPLATES`).
 */
export interface QuestionnaireStore {
  /** The id of the template a course uses for a kind, when one is attached to it. */
  courseTemplateId(courseId: string, kind: QuestionnaireKind): Promise<string | undefined>
  /** Attaches a template to a course for its kind (replacing any attached before). */
  attachTemplate(courseId: string, kind: QuestionnaireKind, templateId: string): Promise<void>
  /** The highest stored version of a template. */
  latestVersion(templateId: string): Promise<QuestionnaireTemplate | undefined>
  /** One stored version of a template. */
  templateVersion(templateId: string, version: number): Promise<QuestionnaireTemplate | undefined>
  /** Stores a new version; throws `already-exists` when that version is stored already (never overwrites). */
  addTemplateVersion(template: QuestionnaireTemplate): Promise<void>
  getResponse(bookingId: string, kind: QuestionnaireKind): Promise<QuestionnaireResponse | undefined>
  /** Stores a response; throws `questionnaire-answered` when the booking answered this kind already. */
  saveResponse(response: QuestionnaireResponse): Promise<void>
  /** Every response given for these sessions (results read them). */
  forSessions(sessionIds: readonly string[]): Promise<QuestionnaireResponse[]>
}

/** What the questionnaire use cases need: the booking ports (to open a booking by its token) and the store. */
export interface QuestionnaireDeps extends BookingDeps {
  questionnaires: QuestionnaireStore
}
