import * as z from 'zod'
import { IdSchema, InstantSchema, LaCodeSchema } from './common.ts'

/**
 * Which new sessions an alert waits for: `la`, in person (or hybrid) at a venue in the person's LA;
 * `region`, at a venue anywhere in that LA's region; `online`, online (or hybrid).
 */
export const AlertScopeSchema = z.enum(['la', 'region', 'online'], {
  error: 'Choose where you could go to a session',
})
export type AlertScope = z.infer<typeof AlertScopeSchema>

/** open: waiting for a matching session; sent: told of one (sent once, then done); stopped: by its stop link. */
export const AlertStatusSchema = z.enum(['open', 'sent', 'stopped'])
export type AlertStatus = z.infer<typeof AlertStatusSchema>

/**
 * A person's request to hear once about a new session of a course. It holds only what the email
 * needs: the address, the LA the scope is read from, and the scope; nothing else is asked for.
 */
export const InterestAlertSchema = z.object({
  id: IdSchema,
  courseId: IdSchema,
  /** The address as given, to send to. */
  email: z.string(),
  /** The normalised address: one open alert per address and course. */
  emailKey: z.string(),
  laCode: LaCodeSchema,
  scope: AlertScopeSchema,
  status: AlertStatusSchema,
  /** The stop link's token is given only in the email; this is its hash. */
  stopTokenHash: z.string(),
  /** The session the alert was sent for, once it is sent. */
  sentSessionId: IdSchema.optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  /** When it stopped being open (sent or stopped): the retention period runs from here. */
  closedAt: InstantSchema.optional(),
})
export type InterestAlert = z.infer<typeof InterestAlertSchema>

/** The open alerts of one course by the LA their people gave: demand, for the national dashboard. */
export interface AlertCount {
  courseId: string
  laCode: string
  open: number
}
