import type { InvitationStore } from '../invitation-ports.ts'
import type { CatalogueRepository, SessionStore } from '../ports.ts'
import type { QuestionnaireStore } from '../questionnaire-ports.ts'
import type { RegisterRepository } from '../register-ports.ts'
import {
  type InvitationHistory,
  invitationMessageId,
  invitationsDue,
  nextInvitationLook,
} from '../rules/questionnaire-invitations.ts'
import { QUESTIONNAIRE_WINDOW_DAYS } from '../rules/questionnaire-windows.ts'
import type { Booking } from '../schemas/booking.ts'
import type { QuestionnaireDays } from '../schemas/catalogue.ts'
import type { InvitationKind } from '../schemas/invitation.ts'
import type { QuestionnaireKind } from '../schemas/questionnaire.ts'
import type { Session } from '../schemas/session.ts'

/** What the invitations job needs. */
export interface InvitationJobDeps {
  invitations: InvitationStore
  sessions: Pick<SessionStore, 'getSession'>
  registers: Pick<RegisterRepository, 'sessionBookings'>
  questionnaires: Pick<QuestionnaireStore, 'forSessions'>
  /** The course of each session, for its own questionnaire windows. */
  catalogue: Pick<CatalogueRepository, 'getCourse'>
}

/** What one run did: sessions looked at, invitations queued (new ones only), sessions done with. */
export interface InvitationReport extends Record<string, number> {
  looked: number
  queued: number
  finished: number
}

/**
 * Queues the questionnaire invitations due by `now` (`invitationsDue`) to the bookings of every
 * session due a look, then sets each session's next look (`nextInvitationLook`), or clears it once
 * every window has closed or the session is no longer published; a look due again at once stays
 * as it is. A session looked at late (after
 * downtime) is judged as it stands at `now`: what went out of its window meanwhile is not sent.
 * Each invitation is recorded with its email, so a run repeated, or one that stopped part-way,
 * sends nothing twice.
 */
export async function sendQuestionnaireInvitations(
  deps: InvitationJobDeps,
  now: Date,
): Promise<InvitationReport> {
  const report: InvitationReport = { looked: 0, queued: 0, finished: 0 }
  for (const look of await deps.invitations.dueLooks(now)) {
    const session = await deps.sessions.getSession(look.sessionId)
    const published = session?.status === 'published' ? session : undefined
    const days = published ? await windowDays(deps, published) : QUESTIONNAIRE_WINDOW_DAYS
    if (published) report.queued += await inviteBookings(deps, published, now, days)
    const next = published ? nextInvitationLook(published, now, days) : undefined
    // A look due again at the next run (as one is until the first part starts) is left as it is:
    // already due, it is due at every run, and rewriting it would cost a write and an index
    // update a run for every session on sale, and change nothing.
    if (next === undefined || next.getTime() > now.getTime()) await deps.invitations.setNextLook(look, next)
    report.looked++
    if (!next) report.finished++
  }
  return report
}

/** The session's questionnaire windows: its course's own, or the defaults. */
async function windowDays(deps: InvitationJobDeps, session: Session): Promise<QuestionnaireDays> {
  return (await deps.catalogue.getCourse(session.courseId))?.questionnaireDays ?? QUESTIONNAIRE_WINDOW_DAYS
}

/** Queues every invitation due to the session's bookings; how many were new. */
async function inviteBookings(
  deps: InvitationJobDeps,
  session: Session,
  now: Date,
  days: QuestionnaireDays,
): Promise<number> {
  const [bookings, sent] = await Promise.all([
    deps.registers.sessionBookings(session.id),
    deps.invitations.sentInvitations(session.id),
  ])
  const sentTo = new Map<string, Map<InvitationKind, Date>>()
  for (const invitation of sent) {
    const kinds = sentTo.get(invitation.bookingId) ?? new Map<InvitationKind, Date>()
    sentTo.set(invitation.bookingId, kinds.set(invitation.kind, new Date(invitation.at)))
  }
  const historyOf = (booking: Booking, answered: ReadonlySet<QuestionnaireKind>): InvitationHistory => ({
    answered,
    sent: sentTo.get(booking.id) ?? new Map(),
  })
  // Answers are read only for a session with someone to invite: most looks find nobody.
  const candidates = bookings.filter(
    (booking) => invitationsDue(booking, session, now, historyOf(booking, new Set()), days).length > 0,
  )
  if (candidates.length === 0) return 0
  const answered = await answersBy(deps, session.id)

  let queued = 0
  for (const booking of candidates) {
    const history = historyOf(booking, answered.get(booking.id) ?? new Set())
    for (const kind of invitationsDue(booking, session, now, history, days)) {
      const id = invitationMessageId(booking.id, kind)
      const at = now.toISOString()
      const written = await deps.invitations.recordInvitation(
        { sessionId: session.id, bookingId: booking.id, kind, at },
        { id, kind: 'questionnaire-invitation', bookingId: booking.id, invitation: kind, createdAt: at },
      )
      if (written) queued++
    }
  }
  return queued
}

/** The questionnaires each booking of the session has answered. */
async function answersBy(deps: InvitationJobDeps, sessionId: string) {
  const answered = new Map<string, Set<QuestionnaireKind>>()
  for (const response of await deps.questionnaires.forSessions([sessionId])) {
    answered.set(response.bookingId, (answered.get(response.bookingId) ?? new Set()).add(response.kind))
  }
  return answered
}
