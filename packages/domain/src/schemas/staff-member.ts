import * as z from 'zod'
import { InstantSchema, LaCodeSchema } from './common.ts'
import { StaffRoleSchema } from './staff.ts'

/** A sign-in name: what Cognito calls the username, and the local issuer's `login_hint`. */
export const StaffUsernameSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use lower-case letters, digits, dot, - or _ only')

/** What an administrator sends to invite a staff member. */
export const StaffInviteSchema = z
  .object({
    username: StaffUsernameSchema,
    name: z.string().trim().min(1).max(120),
    email: z.email(),
    roles: z.array(StaffRoleSchema).min(1, 'Choose at least one role'),
    laCodes: z.array(LaCodeSchema).default([]),
  })
  .refine((invite) => !invite.roles.includes('la-officer') || invite.laCodes.length > 0, {
    path: ['laCodes'],
    message: 'Choose the local authorities an LA officer may see',
  })
export type StaffInvite = z.infer<typeof StaffInviteSchema>

/** A staff member in the directory; `sub` is the issuer's subject (a trainer's id on sessions). */
export const StaffMemberSchema = z.object({
  sub: z.string().min(1),
  username: StaffUsernameSchema,
  name: z.string().min(1),
  email: z.email(),
  roles: z.array(StaffRoleSchema).min(1),
  laCodes: z.array(LaCodeSchema),
  invitedAt: InstantSchema,
  /** The `sub` of the administrator who invited them, or `seed` for demo staff. */
  invitedBy: z.string().min(1),
})
export type StaffMember = z.infer<typeof StaffMemberSchema>
