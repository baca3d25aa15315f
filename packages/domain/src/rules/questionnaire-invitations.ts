import { MINUTE_MS } from '../config.ts'
import type { Booking } from '../schemas/booking.ts'
import type { QuestionnaireDays } from '../schemas/catalogue.ts'
import { INVITATION_KINDS, INVITED_QUESTIONNAIRE, type InvitationKind } from '../schemas/invitation.ts'
import type { QuestionnaireKind } from '../schemas/questionnaire.ts'
import { type Session, sessionStart } from '../schemas/session.ts'
import {
  mayAnswer,
  QUESTIONNAIRE_WINDOW_DAYS,
  type QuestionnaireWindow,
  questionnaireWindows,
} from './questionnaire-windows.ts'
import { reminderAt } from './reminders.ts'

/**
 * The pre invitation goes this long after the place is confirmed, at the job's next run: not on
 * top of the confirmation email, and not at all for a booking undone at once.
 */
export const PRE_INVITATION_DELAY_MINUTES = 10

/** The pre questionnaire's reminder goes 2 days before the first part (London days, as reminders count them). */
export const PRE_REMINDER_LEAD_MINUTES = 2 * 24 * 60

/**
 * How often the invitations job looks again at a session while a window is open, in minutes: post
 * hourly (the register makes bookings attended, sometimes days after the end), follow-up daily
 * (attendance is settled by then). Pre has no period: its invitations fall due at times known in
 * advance (`placeLookAt`, and the reminder's `preReminderAt`).
 */
export const INVITATION_LOOK_MINUTES = { post: 60, 'follow-up': 24 * 60 } as const satisfies Record<
  Exclude<QuestionnaireKind, 'pre'>,
  number
>

/**
 * The invitations a place look (`placeLookAt`) is for: the others go at the session's own looks,
 * at the times they always have.
 */
export const PLACE_LOOK_KINDS: readonly InvitationKind[] = ['pre', 'pre-reminder']

/** What a booking has done so far: the questionnaires it answered, and when each invitation went. */
export interface InvitationHistory {
  answered: ReadonlySet<QuestionnaireKind>
  sent: ReadonlyMap<InvitationKind, Date>
}

type WindowBooking = Pick<Booking, 'createdAt' | 'status'>

/** The three windows by kind: the one call of `questionnaireWindows` the invitations make. */
function windowsOf(
  booking: WindowBooking,
  session: Pick<Session, 'parts'>,
  now: Date,
  answered: ReadonlySet<QuestionnaireKind>,
  days: QuestionnaireDays,
): Record<QuestionnaireKind, QuestionnaireWindow> {
  const windows = questionnaireWindows(booking, session, now, answered, days)
  return Object.fromEntries(windows.map((window) => [window.kind, window])) as Record<
    QuestionnaireKind,
    QuestionnaireWindow
  >
}

/** The window of the questionnaire an invitation asks for, as it stands at `now`, in the course's `days`. */
export function invitationWindow(
  kind: InvitationKind,
  booking: WindowBooking,
  session: Pick<Session, 'parts'>,
  now: Date,
  answered: ReadonlySet<QuestionnaireKind> = new Set(),
  days: QuestionnaireDays = QUESTIONNAIRE_WINDOW_DAYS,
): QuestionnaireWindow {
  return windowsOf(booking, session, now, answered, days)[INVITED_QUESTIONNAIRE[kind]]
}

/** When the pre questionnaire's reminder goes: 2 days before the first part, at its London time. */
export function preReminderAt(session: Pick<Session, 'parts'>): Date {
  return reminderAt(sessionStart(session).toISOString(), PRE_REMINDER_LEAD_MINUTES)
}

/** When the booking's place was first confirmed (at booking, or on promotion from the waiting list). */
function placeConfirmedAt(booking: Pick<Booking, 'createdAt' | 'history'>): Date {
  const confirmed = booking.history.find((event) => event.to === 'confirmed')
  return new Date(confirmed?.at ?? booking.createdAt)
}

/**
 * The invitations due to a booking at `now`. Each only while its questionnaire is open to the
 * booking (inside its window, a status that may answer it: never a cancelled booking) and not
 * answered, and only once. Pre goes 10 minutes after the place is confirmed (a person promoted
 * from the waiting list gets it then, while pre is open). Its reminder goes from 2 days before
 * the first part, only to a booking whose pre invitation went before that time (one who booked
 * later has just been invited). Post goes to an attended booking once the last part has ended;
 * follow-up once its window opens. The windows are the course's own `days` where it sets them.
 */
export function invitationsDue(
  booking: Pick<Booking, 'createdAt' | 'status' | 'history'>,
  session: Pick<Session, 'parts'>,
  now: Date,
  history: InvitationHistory,
  days: QuestionnaireDays = QUESTIONNAIRE_WINDOW_DAYS,
): InvitationKind[] {
  const windows = windowsOf(booking, session, now, history.answered, days)
  const open = (kind: InvitationKind) =>
    windows[INVITED_QUESTIONNAIRE[kind]].status === 'open' && !history.sent.has(kind)
  const remindAt = preReminderAt(session)
  const preSent = history.sent.get('pre')
  const reminderDue = now >= remindAt && preSent !== undefined && preSent < remindAt
  const preDue =
    now.getTime() >= placeConfirmedAt(booking).getTime() + PRE_INVITATION_DELAY_MINUTES * MINUTE_MS
  const timely: Record<InvitationKind, boolean> = {
    pre: preDue,
    'pre-reminder': reminderDue,
    post: true,
    'follow-up': true,
  }
  return INVITATION_KINDS.filter((kind) => open(kind) && timely[kind])
}

/**
 * When the invitations job should next look at a session's bookings, after a look at `now`: when
 * the pre reminder falls due (2 days before the first part), at the last part's end and hourly
 * while post is open, then when follow-up opens and daily while it is open; undefined once every
 * window has closed. Until the first part starts nothing else is due at a time of the session's:
 * a pre invitation falls due at a time of its booking's, met by that booking's place look
 * (`placeLookAt`). A time within a window is never skipped: a look that would fall after a
 * window's close goes on to the next window's opening. The windows are the course's own `days`
 * where it sets them.
 */
export function nextInvitationLook(
  session: Pick<Session, 'parts'>,
  now: Date,
  days: QuestionnaireDays = QUESTIONNAIRE_WINDOW_DAYS,
): Date | undefined {
  const windows = windowsOf(
    { createdAt: now.toISOString(), status: 'confirmed' },
    session,
    now,
    new Set(),
    days,
  )
  const t = now.getTime()
  const remindAt = preReminderAt(session)
  if (t < remindAt.getTime() && remindAt < windows.pre.closesAt) return remindAt
  for (const kind of ['post', 'follow-up'] as const) {
    const { opensAt, closesAt } = windows[kind]
    if (t >= closesAt.getTime()) continue
    if (t < opensAt.getTime()) return opensAt
    const next = t + INVITATION_LOOK_MINUTES[kind] * MINUTE_MS
    if (next < closesAt.getTime()) return new Date(next)
  }
  return undefined
}

type PlaceBooking = Pick<Booking, 'createdAt' | 'status' | 'history' | 'updatedAt'>

/**
 * When a booking's change of status (`before` → `after`; no `before` for a new booking) makes the
 * invitations job look at its session, a place look: when the booking becomes one that may answer
 * pre (a place confirmed at booking, on promotion from the waiting list or by accepting an offer;
 * a no-show mark undone), at the time its pre invitation can first be due (10 minutes after the
 * place was first confirmed), or at once when that has passed. Undefined for any other change:
 * nothing else makes an invitation due before the session's own next look (`nextInvitationLook`),
 * as answers and cancellations only take invitations away, and attendance counts for post and
 * follow-up only, at the session's looks after the end.
 */
export function placeLookAt(before: PlaceBooking | undefined, after: PlaceBooking): Date | undefined {
  if (!mayAnswer(after.status, 'pre') || (before && mayAnswer(before.status, 'pre'))) return undefined
  const preDue = placeConfirmedAt(after).getTime() + PRE_INVITATION_DELAY_MINUTES * MINUTE_MS
  return new Date(Math.max(preDue, new Date(after.updatedAt).getTime()))
}

/**
 * The outbox id of one invitation to one booking: the same booking and kind always give the same
 * id, so queuing it again sends nothing twice.
 */
export function invitationMessageId(bookingId: string, kind: InvitationKind): string {
  return `questionnaire-${kind}-${bookingId}`
}
