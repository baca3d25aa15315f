import type { QuestionnaireInvitationEmail } from './outbox.ts'
import type { InvitationLook, SentInvitation } from './schemas/invitation.ts'

/**
 * The invitations job's work. The session store keeps one look per published session (written
 * with the session, due at once when it is created, published or moved); the booking repository
 * writes a place look with each change that lets a booking answer pre, a place given
 * (`placeLookAt`), in the same write. The job reads the looks that are due; after each look it sets the session's next look or
 * clears it, and clears the place looks. Invitations are recorded as they are queued, so none goes
 * twice however often a session is looked at.
 */
export interface InvitationStore {
  /** Every look due at or before `now`, however long ago, soonest first: a session's own and place looks. */
  dueLooks(now: Date): Promise<InvitationLook[]>
  /**
   * Sets when the session is looked at next (`undefined`: never again; a place look is only ever
   * cleared); a look given another time since it was read stays as it was written.
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
