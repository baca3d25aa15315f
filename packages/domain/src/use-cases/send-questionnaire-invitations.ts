import type { InvitationStore } from '../invitation-ports.ts'
import type { CatalogueRepository, SessionStore } from '../ports.ts'
import type { QuestionnaireStore } from '../questionnaire-ports.ts'
import type { RegisterRepository } from '../register-ports.ts'
import {
  type InvitationHistory,
  invitationMessageId,
  invitationsDue,
  nextInvitationLook,
  PLACE_LOOK_KINDS,
} from '../rules/questionnaire-invitations.ts'
import { QUESTIONNAIRE_WINDOW_DAYS } from '../rules/questionnaire-windows.ts'
import type { Booking } from '../schemas/booking.ts'
import type { QuestionnaireDays } from '../schemas/catalogue.ts'
import { INVITATION_KINDS, type InvitationKind, type InvitationLook } from '../schemas/invitation.ts'
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
 * session due a look, once however many of its looks are due. At the session's own look, every
 * kind, then its next look is set (`nextInvitationLook`), or cleared once every window has closed
 * or the session is no longer published; at a place look only (`placeLookAt`), the pre kinds
 * (`PLACE_LOOK_KINDS`), so post and follow-up keep the session's times. Place looks are cleared
 * once looked at. A session looked at late (after downtime) is judged as it stands at `now`: what
 * went out of its window meanwhile is not sent. Each invitation is recorded with its email, so a
 * run repeated, or one that stopped part-way (its looks still due), sends nothing twice.
 */
export async function sendQuestionnaireInvitations(
  deps: InvitationJobDeps,
  now: Date,
): Promise<InvitationReport> {
  const report: InvitationReport = { looked: 0, queued: 0, finished: 0 }
  for (const [sessionId, looks] of bySession(await deps.invitations.dueLooks(now))) {
    const own = looks.find((look) => look.bookingId === undefined)
    const session = await deps.sessions.getSession(sessionId)
    const published = session?.status === 'published' ? session : undefined
    const days = published ? await windowDays(deps, published) : QUESTIONNAIRE_WINDOW_DAYS
    if (published) {
      const kinds = own ? INVITATION_KINDS : PLACE_LOOK_KINDS
      report.queued += await inviteBookings(deps, published, now, days, kinds)
    }
    if (own) {
      const next = published ? nextInvitationLook(published, now, days) : undefined
      await deps.invitations.setNextLook(own, next)
      if (!next) report.finished++
    }
    for (const look of looks) if (look !== own) await deps.invitations.setNextLook(look, undefined)
    report.looked++
  }
  return report
}

/** The looks due, by session, in the order their sessions first fell due. */
function bySession(looks: readonly InvitationLook[]): Map<string, InvitationLook[]> {
  const sessions = new Map<string, InvitationLook[]>()
  for (const look of looks) sessions.set(look.sessionId, [...(sessions.get(look.sessionId) ?? []), look])
  return sessions
}

/** The session's questionnaire windows: its course's own, or the defaults. */
async function windowDays(deps: InvitationJobDeps, session: Session): Promise<QuestionnaireDays> {
  return (await deps.catalogue.getCourse(session.courseId))?.questionnaireDays ?? QUESTIONNAIRE_WINDOW_DAYS
}

/** Queues every invitation of `kinds` due to the session's bookings; how many were new. */
async function inviteBookings(
  deps: InvitationJobDeps,
  session: Session,
  now: Date,
  days: QuestionnaireDays,
  kinds: readonly InvitationKind[],
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
  const due = (booking: Booking, answered: ReadonlySet<QuestionnaireKind>) =>
    invitationsDue(booking, session, now, historyOf(booking, answered), days).filter((kind) =>
      kinds.includes(kind),
    )
  // Answers are read only for a session with someone to invite: most looks find nobody.
  const candidates = bookings.filter((booking) => due(booking, new Set()).length > 0)
  if (candidates.length === 0) return 0
  const answered = await answersBy(deps, session.id)

  let queued = 0
  for (const booking of candidates) {
    for (const kind of due(booking, answered.get(booking.id) ?? new Set())) {
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
