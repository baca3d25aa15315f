import type { BookingDeps, CatalogueRepository } from './ports.ts'
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
  /** Takes a course's own template of a kind away, so the default applies again. */
  detachTemplate(courseId: string, kind: QuestionnaireKind): Promise<void>
  /** Every template attached to a course, by course and kind. */
  attachments(): Promise<CourseTemplate[]>
  /** The latest stored version of every stored template. */
  listTemplates(): Promise<QuestionnaireTemplate[]>
  /** Every stored version of a template, oldest first. */
  templateVersions(templateId: string): Promise<QuestionnaireTemplate[]>
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
  /** Every response given by these bookings, read by booking (an LA's results read them). */
  forBookings(bookingIds: readonly string[]): Promise<QuestionnaireResponse[]>
}

/** A course's own template of one kind. */
export interface CourseTemplate {
  courseId: string
  kind: QuestionnaireKind
  templateId: string
}

/**
 * What the questionnaire use cases need: the booking ports (to open a booking by its token), the
 * store, and the course (its own questionnaire windows).
 */
export interface QuestionnaireDeps extends BookingDeps {
  questionnaires: QuestionnaireStore
  catalogue: Pick<CatalogueRepository, 'getCourse'>
}
