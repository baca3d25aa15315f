import type { QuestionnaireAnswers } from '../certificate-ports.ts'
import { DomainError } from '../errors.ts'
import { DEFAULT_TEMPLATE_IDS, DEFAULT_TEMPLATES } from '../questionnaire-defaults.ts'
import type { QuestionnaireDeps, QuestionnaireStore } from '../questionnaire-ports.ts'
import type { ResultsReaders } from '../results-ports.ts'
import { answerErrors, keptAnswers } from '../rules/questionnaire-answers.ts'
import {
  QUESTIONNAIRE_WINDOW_DAYS,
  type QuestionnaireWindow,
  questionnaireWindows,
} from '../rules/questionnaire-windows.ts'
import type { Booking } from '../schemas/booking.ts'
import type { QuestionnaireDays } from '../schemas/catalogue.ts'
import {
  type AnswerValue,
  QUESTIONNAIRE_KINDS,
  type QuestionnaireKind,
  type QuestionnaireResponse,
  type QuestionnaireTemplate,
} from '../schemas/questionnaire.ts'
import { type Session, sessionEnd, sessionStart } from '../schemas/session.ts'

const DAY_MS = 24 * 60 * 60 * 1000

import { openBooking } from './manage-booking.ts'

/** A booking's three questionnaires and where each stands, opened by its manage token. */
export async function listQuestionnaires(
  deps: QuestionnaireDeps,
  bookingId: string,
  token: string,
): Promise<QuestionnaireWindow[]> {
  const { booking } = await openBooking(deps, bookingId, token, lastWindowCloses(deps))
  const [session, days, responses] = await Promise.all([
    sessionOf(deps, booking),
    courseDays(deps, booking),
    Promise.all(QUESTIONNAIRE_KINDS.map((kind) => deps.questionnaires.getResponse(booking.id, kind))),
  ])
  const answered = new Set(responses.flatMap((response) => (response ? [response.kind] : [])))
  return questionnaireWindows(booking, session, deps.clock.now(), answered, days)
}

/**
 * The questions of one kind for a booking: the version it answered if it has, otherwise the
 * current version of its course's template (or the default).
 */
export async function getQuestionnaire(
  deps: QuestionnaireDeps,
  bookingId: string,
  token: string,
  kind: QuestionnaireKind,
): Promise<QuestionnaireTemplate> {
  const { booking } = await openBooking(deps, bookingId, token, lastWindowCloses(deps))
  const response = await deps.questionnaires.getResponse(booking.id, kind)
  if (response) return answeredTemplate(deps.questionnaires, response)
  return currentTemplate(deps.questionnaires, booking.session.courseId, kind)
}

/**
 * Records a booking's answers to one kind, once, while its window is open: answering again or
 * outside the window throws (409); answers that do not fit the current version throw
 * `invalid-answers` naming each item (422).
 */
export async function answerQuestionnaire(
  deps: QuestionnaireDeps,
  bookingId: string,
  token: string,
  kind: QuestionnaireKind,
  answers: Record<string, AnswerValue>,
): Promise<QuestionnaireResponse> {
  const { booking } = await openBooking(deps, bookingId, token, lastWindowCloses(deps))
  const [session, days, existing] = await Promise.all([
    sessionOf(deps, booking),
    courseDays(deps, booking),
    deps.questionnaires.getResponse(booking.id, kind),
  ])
  if (existing) throw new DomainError('questionnaire-answered')
  const now = deps.clock.now()
  const window = questionnaireWindows(booking, session, now, new Set(), days).find((w) => w.kind === kind)
  if (window?.status === 'not-open') throw new DomainError('questionnaire-not-open')
  if (window?.status !== 'open') throw new DomainError('questionnaire-closed')
  const template = await currentTemplate(deps.questionnaires, booking.session.courseId, kind)
  const fieldErrors = answerErrors(template, answers)
  if (fieldErrors.length > 0) {
    throw new DomainError('invalid-answers', 'Answer the questions marked and send them again.', {
      fieldErrors,
    })
  }
  const response: QuestionnaireResponse = {
    bookingId: booking.id,
    kind,
    templateId: template.id,
    version: template.version,
    sessionId: booking.sessionId,
    courseId: booking.session.courseId,
    laCode: booking.person.laCode,
    sessionStartsAt: sessionStart(session).toISOString(),
    answers: keptAnswers(answers),
    submittedAt: now.toISOString(),
  }
  await deps.questionnaires.saveResponse(response)
  return response
}

/**
 * The version of a template a course answers now: the latest of the one attached to the course,
 * else of the default; the in-code default when nothing is stored yet.
 */
export async function currentTemplate(
  store: QuestionnaireStore,
  courseId: string,
  kind: QuestionnaireKind,
): Promise<QuestionnaireTemplate> {
  const templateId = (await store.courseTemplateId(courseId, kind)) ?? DEFAULT_TEMPLATE_IDS[kind]
  const latest = await store.latestVersion(templateId)
  if (latest) return latest
  if (templateId === DEFAULT_TEMPLATE_IDS[kind]) return DEFAULT_TEMPLATES[kind]
  throw new Error(`Questionnaire template ${templateId} is attached to course ${courseId} but has no version`)
}

/**
 * Saves an edited template as a new version (the latest + 1; 1 for a new template). A stored
 * version is never changed, so answers given to it keep their wording.
 */
export async function saveTemplateVersion(
  store: QuestionnaireStore,
  edit: Omit<QuestionnaireTemplate, 'version'>,
): Promise<QuestionnaireTemplate> {
  const latest = await store.latestVersion(edit.id)
  const template = { ...edit, version: (latest?.version ?? 0) + 1 }
  await store.addTemplateVersion(template)
  return template
}

/** Stores version 1 of each default template where it is not stored yet; safe to run again. */
export async function ensureDefaultTemplates(store: QuestionnaireStore): Promise<void> {
  for (const template of Object.values(DEFAULT_TEMPLATES)) {
    if (!(await store.templateVersion(template.id, template.version))) {
      try {
        await store.addTemplateVersion(template)
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'already-exists')) throw error
      }
    }
  }
}

async function answeredTemplate(
  store: QuestionnaireStore,
  response: QuestionnaireResponse,
): Promise<QuestionnaireTemplate> {
  const template = await storedOrDefault(store, response.templateId, response.version)
  if (template) return template
  throw new Error(`Questionnaire template ${response.templateId} v${response.version} is missing`)
}

/** The questionnaire windows of the booking's course: its own, else the defaults. */
/**
 * When the booking's last questionnaire window (follow-up) closes: its questionnaires stay open to
 * its link until then, however long its course's windows are, even when the link has expired.
 */
function lastWindowCloses(deps: QuestionnaireDeps) {
  return async (booking: Booking): Promise<Date> => {
    const [session, days] = await Promise.all([sessionOf(deps, booking), courseDays(deps, booking)])
    return new Date(sessionEnd(session).getTime() + (days.followUpAfter + days.followUpOpen) * DAY_MS)
  }
}

async function courseDays(deps: QuestionnaireDeps, booking: Booking): Promise<QuestionnaireDays> {
  const course = await deps.catalogue.getCourse(booking.session.courseId)
  return course?.questionnaireDays ?? QUESTIONNAIRE_WINDOW_DAYS
}

/** The live session (its parts may have moved since booking), else the booking's copy of it. */
async function sessionOf(deps: QuestionnaireDeps, booking: Booking): Promise<Pick<Session, 'parts'>> {
  return (await deps.bookings.getSession(booking.sessionId)) ?? booking.session
}

/**
 * What results and certificates read of the questionnaires, over the one store: the responses of
 * sessions or of bookings, the template versions they were given (an in-code default counts when nothing is
 * stored), and whether a booking answered a kind.
 */
export function questionnaireReaders(
  store: QuestionnaireStore,
): ResultsReaders & { answers: QuestionnaireAnswers } {
  return {
    responses: {
      forSessions: (sessionIds) => store.forSessions(sessionIds),
      forBookings: (bookingIds) => store.forBookings(bookingIds),
    },
    templates: {
      async templateVersions(refs) {
        const unique = [...new Map(refs.map((ref) => [`${ref.templateId}#${ref.version}`, ref])).values()]
        const found = await Promise.all(
          unique.map((ref) => storedOrDefault(store, ref.templateId, ref.version)),
        )
        return found.filter((template) => template !== undefined)
      },
    },
    answers: {
      hasAnswered: async (bookingId, kind) => (await store.getResponse(bookingId, kind)) !== undefined,
    },
  }
}

/** A stored version, else the in-code default of that id and version, else nothing. */
export async function storedOrDefault(
  store: QuestionnaireStore,
  templateId: string,
  version: number,
): Promise<QuestionnaireTemplate | undefined> {
  const stored = await store.templateVersion(templateId, version)
  if (stored) return stored
  return Object.values(DEFAULT_TEMPLATES).find((t) => t.id === templateId && t.version === version)
}
