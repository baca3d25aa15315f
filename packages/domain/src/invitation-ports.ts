import type { QuestionnaireInvitationEmail } from './outbox.ts'
import type { InvitationLook, SentInvitation } from './schemas/invitation.ts'

/**
 * The invitations job's work. The session store keeps one look per published session (written
 * with the session, due at once when it is created, published or moved); the job reads the looks
 * that are due, and after each look sets the next or clears it. Invitations are recorded as they
 * are queued, so none goes twice however often a session is looked at.
 */
export interface InvitationStore {
  /** Every session due a look at or before `now`, however long ago. */
  dueLooks(now: Date): Promise<InvitationLook[]>
  /**
   * Sets when the session is looked at next (`undefined`: never again); a look the session store
   * has given another time since it was read stays as the store wrote it.
   */
  setNextLook(look: InvitationLook, next: Date | undefined): Promise<void>
  /** Every invitation recorded for the bookings of a session. */
  sentInvitations(sessionId: string): Promise<SentInvitation[]>
  /**
   * Records the invitation and queues its email, both or neither; false, writing nothing, when
   * the invitation was recorded before.
   */
  recordInvitation(invitation: SentInvitation, message: QuestionnaireInvitationEmail): Promise<boolean>
}
