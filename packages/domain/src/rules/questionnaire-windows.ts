import type { Booking, BookingStatus } from '../schemas/booking.ts'
import { QUESTIONNAIRE_KINDS, type QuestionnaireKind } from '../schemas/questionnaire.ts'
import { type Session, sessionEnd, sessionStart } from '../schemas/session.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** How long each window lasts, in days (the defaults; a course may override them later). */
export const QUESTIONNAIRE_WINDOW_DAYS = {
  /** Post opens when the last part ends and stays open this long. */
  post: 14,
  /** Follow-up opens this long after the last part ends… */
  followUpAfter: 42,
  /** …and stays open this long. */
  followUpOpen: 28,
} as const

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
 * part's start; post opens at the last part's end for 14 days; follow-up opens 6 weeks after the
 * end for 4 weeks (whole 24-hour days). Within its window, a kind the booking may not answer yet
 * is `not-open` while it still may (e.g. attendance not yet marked) and `closed` otherwise.
 */
export function questionnaireWindows(
  booking: Pick<Booking, 'createdAt' | 'status'>,
  session: Pick<Session, 'parts'>,
  now: Date,
  answered: ReadonlySet<QuestionnaireKind> = new Set(),
): QuestionnaireWindow[] {
  const end = sessionEnd(session).getTime()
  const followUpOpens = end + QUESTIONNAIRE_WINDOW_DAYS.followUpAfter * DAY_MS
  const bounds: Record<QuestionnaireKind, [number, number]> = {
    pre: [new Date(booking.createdAt).getTime(), sessionStart(session).getTime()],
    post: [end, end + QUESTIONNAIRE_WINDOW_DAYS.post * DAY_MS],
    'follow-up': [followUpOpens, followUpOpens + QUESTIONNAIRE_WINDOW_DAYS.followUpOpen * DAY_MS],
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
