import {
  StaffMemberSchema as DomainStaffMemberSchema,
  StaffPrincipalSchema as DomainStaffPrincipalSchema,
  StaffInviteSchema,
} from '@ey/domain'
import { z } from 'zod'

/** `GET /api/staff/me`: who the signed-in staff member is, as the API sees them. */
export const StaffPrincipalSchema = DomainStaffPrincipalSchema.meta({ id: 'StaffPrincipal' })
export type StaffPrincipal = z.infer<typeof StaffPrincipalSchema>

/** A staff member in the directory. */
export const StaffMemberSchema = DomainStaffMemberSchema.meta({ id: 'StaffMember' })
export type StaffMember = z.infer<typeof StaffMemberSchema>

/** `GET /api/admin/staff`. */
export const StaffListSchema = z.object({ items: z.array(StaffMemberSchema) }).meta({ id: 'StaffList' })
export type StaffList = z.infer<typeof StaffListSchema>

/** `POST /api/admin/staff`: whom to invite, with their roles and, for LA officers, their LAs. */
export { StaffInviteSchema }
export type StaffInvite = z.input<typeof StaffInviteSchema>

/** `GET /api/auth/config`: where the site sends staff to sign in. */
export const StaffSignInConfigSchema = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    authorizeUrl: z.string(),
    tokenUrl: z.string(),
    logoutUrl: z.string(),
  })
  .meta({ id: 'StaffSignInConfig' })
export type StaffSignInConfig = z.infer<typeof StaffSignInConfigSchema>

/** `POST /api/auth/token`: the sign-in code and its PKCE verifier. */
export const StaffTokenRequestSchema = z
  .object({ code: z.string().min(1).max(2048), codeVerifier: z.string().min(43).max(128) })
  .meta({ id: 'StaffTokenRequest' })
export type StaffTokenRequest = z.infer<typeof StaffTokenRequestSchema>

/** The ID token to send as `staffBearer`. */
export const StaffTokenSchema = z.object({ idToken: z.string() }).meta({ id: 'StaffToken' })
export type StaffToken = z.infer<typeof StaffTokenSchema>
