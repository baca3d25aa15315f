import * as z from 'zod'
import { IdSchema, InstantSchema } from './common.ts'
import type { QuestionnaireKind } from './questionnaire.ts'

/**
 * The emailed invitations to answer a questionnaire: the pre questionnaire once a place is
 * confirmed, and a reminder of it 2 days before the first part; post once the last part has
 * ended; follow-up once its window opens.
 */
export const INVITATION_KINDS = ['pre', 'pre-reminder', 'post', 'follow-up'] as const
export const InvitationKindSchema = z.enum(INVITATION_KINDS)
export type InvitationKind = z.infer<typeof InvitationKindSchema>

/** The questionnaire each invitation asks for. */
export const INVITED_QUESTIONNAIRE = {
  pre: 'pre',
  'pre-reminder': 'pre',
  post: 'post',
  'follow-up': 'follow-up',
} as const satisfies Record<InvitationKind, QuestionnaireKind>

/** An invitation recorded as sent (queued) to one booking of a session, once per kind. */
export const SentInvitationSchema = z.object({
  sessionId: IdSchema,
  bookingId: IdSchema,
  kind: InvitationKindSchema,
  at: InstantSchema,
})
export type SentInvitation = z.infer<typeof SentInvitationSchema>

/**
 * A session whose bookings the invitations job must look at: due at `at`, the time as read. With
 * `bookingId`, a place look: the one that booking's place made due (`placeLookAt`), looked at once;
 * without, the session's own, moved on after each look (`nextInvitationLook`).
 */
export const InvitationLookSchema = z.object({
  sessionId: IdSchema,
  at: InstantSchema,
  bookingId: IdSchema.optional(),
})
export type InvitationLook = z.infer<typeof InvitationLookSchema>
