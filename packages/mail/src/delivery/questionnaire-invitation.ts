import {
  type CatalogueRepository,
  type Course,
  certificateStatus,
  INVITED_QUESTIONNAIRE,
  invitationWindow,
  type MaterialStore,
  manageTokenOf,
  materialsOfBooking,
  type QuestionnaireAnswers,
  type QuestionnaireInvitationEmail,
} from '@ey/domain'
import { manageUrl, questionnaireUrl } from '@ey/presentation'
import { renderInvitation } from '../templates/index.ts'
import type { BookingDeliveryDeps } from './booking.ts'
import type { Prepared } from './prepared.ts'

/** What an invitation reads when it goes, besides the booking family's reads. */
export interface InvitationDeliveryDeps extends BookingDeliveryDeps {
  answers: Pick<QuestionnaireAnswers, 'hasAnswered'>
  catalogue: Pick<CatalogueRepository, 'getCourse'>
  /** The session's and course's materials, listed by title in the post email. */
  materials: Pick<MaterialStore, 'listOf'>
}

/**
 * Renders an invitation from the booking, its session and its answers as they are now; skips it
 * when the questionnaire is no longer open to the booking (answered since, its window closed,
 * the booking cancelled or not attended) or the session is no longer published. The post email
 * says whether the certificate can be downloaded already (the course offers it on attendance
 * alone) or comes once the questionnaire is answered.
 */
export async function prepareQuestionnaireInvitation(
  deps: InvitationDeliveryDeps,
  message: QuestionnaireInvitationEmail,
): Promise<Prepared> {
  const booking = await deps.bookings.getBooking(message.bookingId)
  if (!booking) return { outcome: 'skipped', reason: 'booking-not-found' }
  const session = await deps.bookings.getSession(booking.sessionId)
  if (session?.status !== 'published') return { outcome: 'skipped', reason: 'session-not-published' }
  const questionnaire = INVITED_QUESTIONNAIRE[message.invitation]
  const [answered, course] = await Promise.all([
    deps.answers.hasAnswered(booking.id, questionnaire),
    deps.catalogue.getCourse(session.courseId),
  ])
  const window = invitationWindow(
    message.invitation,
    booking,
    session,
    deps.clock.now(),
    new Set(answered ? [questionnaire] : []),
    course?.questionnaireDays,
  )
  if (window.status !== 'open') return { outcome: 'skipped', reason: `questionnaire-${window.status}` }

  const token = manageTokenOf(deps.tokens, booking)
  const data = {
    title: session.title,
    parts: session.parts,
    questionnaireUrl: questionnaireUrl(deps.siteUrl, booking.id, token, questionnaire),
    closesAt: window.closesAt,
    manageUrl: manageUrl(deps.siteUrl, booking.id, token),
  }
  const rendered =
    message.invitation === 'post'
      ? renderInvitation({
          kind: 'post',
          data: {
            ...data,
            certificate: certificateOf(course),
            materials: (await materialsOfBooking(deps, booking)).items.map((material) => material.title),
          },
        })
      : renderInvitation({ kind: message.invitation, data })
  return { outcome: 'ready', email: { to: booking.person.email, ...rendered } }
}

/** Whether an attended booking that has not answered post is offered the certificate already. */
function certificateOf(course: Pick<Course, 'certificateOn'> | undefined) {
  return certificateStatus('attended', course ?? {}, false) === 'offered' ? 'offered' : 'after-post'
}
