import type { FieldError } from '../errors.ts'
import type { Booking, BookingStatus } from '../schemas/booking.ts'
import type { QuestionnaireDays } from '../schemas/catalogue.ts'
import { QUESTIONNAIRE_KINDS, type QuestionnaireKind } from '../schemas/questionnaire.ts'
import { type Session, sessionEnd, sessionStart } from '../schemas/session.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** How long each window lasts, in days: the defaults, where a course sets none of its own. */
export const QUESTIONNAIRE_WINDOW_DAYS: Readonly<QuestionnaireDays> = {
  /** Post opens when the last part ends and stays open this long. */
  post: 14,
  /** Follow-up opens this long after the last part ends… */
  followUpAfter: 42,
  /** …and stays open this long. */
  followUpOpen: 28,
}

/** The bounds, in days, of a course's own windows (both ends allowed). */
export const QUESTIONNAIRE_DAYS_BOUNDS: Readonly<Record<keyof QuestionnaireDays, [number, number]>> = {
  post: [1, 60],
  followUpAfter: [7, 365],
  followUpOpen: [1, 90],
}

const DAYS_MESSAGES: Record<keyof QuestionnaireDays, (min: number, max: number) => string> = {
  post: (min, max) => `The post-session questionnaire stays open between ${min} and ${max} days`,
  followUpAfter: (min, max) => `The follow-up opens between ${min} and ${max} days after the session`,
  followUpOpen: (min, max) => `The follow-up questionnaire stays open between ${min} and ${max} days`,
}

/**
 * What is wrong with a course's windows, field by field (`questionnaireDays.<name>`): each within
 * its bounds, and the follow-up opening no earlier than the post questionnaire closes.
 */
export function questionnaireDaysErrors(days: QuestionnaireDays): FieldError[] {
  const errors: FieldError[] = []
  for (const name of Object.keys(QUESTIONNAIRE_DAYS_BOUNDS) as (keyof QuestionnaireDays)[]) {
    const [min, max] = QUESTIONNAIRE_DAYS_BOUNDS[name]
    if (days[name] < min || days[name] > max) {
      errors.push({ field: `questionnaireDays.${name}`, message: DAYS_MESSAGES[name](min, max) })
    }
  }
  if (errors.length === 0 && days.followUpAfter < days.post) {
    errors.push({
      field: 'questionnaireDays.followUpAfter',
      message: 'The follow-up cannot open before the post-session questionnaire closes',
    })
  }
  return errors
}

/** Where a booking's questionnaire of one kind stands. */
export type QuestionnaireStatus = 'not-open' | 'open' | 'answered' | 'closed'

/** One questionnaire of a booking: its window and where it stands now. */
export interface QuestionnaireWindow {
  kind: QuestionnaireKind
  status: QuestionnaireStatus
  opensAt: Date
  closesAt: Date
}

/**
 * Whether a booking may answer a kind: pre needs a place held or taken (confirmed or attended);
 * post and follow-up need the booking to be attended.
 */
export function mayAnswer(status: BookingStatus, kind: QuestionnaireKind): boolean {
  return kind === 'pre' ? status === 'confirmed' || status === 'attended' : status === 'attended'
}

/** Statuses that may still become one that answers (a place waited for, offered, or not yet marked). */
const MAY_YET_ANSWER: readonly BookingStatus[] = ['waiting', 'offered', 'confirmed']

/**
 * The three questionnaires of a booking at `now`. Pre opens at booking and closes at the first
 * part's start; post opens at the last part's end for `days.post` days (14 by default); follow-up
 * opens `days.followUpAfter` after the end (6 weeks) for `days.followUpOpen` (4 weeks), in whole
 * 24-hour days. Within its window, a kind the booking may not answer yet
 * is `not-open` while it still may (e.g. attendance not yet marked) and `closed` otherwise.
 */
export function questionnaireWindows(
  booking: Pick<Booking, 'createdAt' | 'status'>,
  session: Pick<Session, 'parts'>,
  now: Date,
  answered: ReadonlySet<QuestionnaireKind> = new Set(),
  days: QuestionnaireDays = QUESTIONNAIRE_WINDOW_DAYS,
): QuestionnaireWindow[] {
  const end = sessionEnd(session).getTime()
  const followUpOpens = end + days.followUpAfter * DAY_MS
  const bounds: Record<QuestionnaireKind, [number, number]> = {
    pre: [new Date(booking.createdAt).getTime(), sessionStart(session).getTime()],
    post: [end, end + days.post * DAY_MS],
    'follow-up': [followUpOpens, followUpOpens + days.followUpOpen * DAY_MS],
  }
  return QUESTIONNAIRE_KINDS.map((kind) => {
    const [opens, closes] = bounds[kind]
    return {
      kind,
      status: statusAt(now.getTime(), opens, closes, answered.has(kind), booking.status, kind),
      opensAt: new Date(opens),
      closesAt: new Date(closes),
    }
  })
}

function statusAt(
  now: number,
  opens: number,
  closes: number,
  answered: boolean,
  status: BookingStatus,
  kind: QuestionnaireKind,
): QuestionnaireStatus {
  if (answered) return 'answered'
  if (now < opens) return 'not-open'
  if (now >= closes) return 'closed'
  if (mayAnswer(status, kind)) return 'open'
  return MAY_YET_ANSWER.includes(status) ? 'not-open' : 'closed'
}
