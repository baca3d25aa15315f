import * as z from 'zod'
import { LaCodeSchema } from './common.ts'

/** The three staff roles; they are Cognito groups in AWS and claims of the local issuer. */
export const STAFF_ROLES = ['admin', 'trainer', 'la-officer'] as const
export const StaffRoleSchema = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof StaffRoleSchema>

/** Who a verified staff token says the caller is. Built only by the API's token verifier. */
export const StaffPrincipalSchema = z.object({
  /** The issuer's subject: a trainer's id in `Session.trainerIds`. */
  sub: z.string().min(1),
  name: z.string().optional(),
  roles: z.array(StaffRoleSchema),
  /** The LAs an LA officer may see; empty for other roles. */
  laCodes: z.array(LaCodeSchema),
})
export type StaffPrincipal = z.infer<typeof StaffPrincipalSchema>
