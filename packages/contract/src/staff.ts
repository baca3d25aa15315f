import {
  StaffMemberSchema as DomainStaffMemberSchema,
  StaffPrincipalSchema as DomainStaffPrincipalSchema,
  QUERY_BOUNDS,
  StaffInviteSchema,
} from '@ey/domain'
import * as z from 'zod'

/** `GET /api/staff/me`: who the signed-in staff member is, as the API sees them. */
export const StaffPrincipalSchema = DomainStaffPrincipalSchema.meta({ id: 'StaffPrincipal' })
export type StaffPrincipal = z.infer<typeof StaffPrincipalSchema>

/** A staff member in the directory. */
export const StaffMemberSchema = DomainStaffMemberSchema.meta({ id: 'StaffMember' })
export type StaffMember = z.infer<typeof StaffMemberSchema>

/** `GET /api/admin/staff`. */
export const StaffListSchema = z
  .object({
    items: z.array(StaffMemberSchema),
    next: z
      .string()
      .optional()
      .meta({ description: 'Pass as `cursor` for the next page; absent on the last' }),
  })
  .meta({ id: 'StaffList' })

/** `GET /api/admin/staff?limit=&cursor=`: a page of the directory, by username. */
export const StaffListQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(QUERY_BOUNDS.pageSize)
    .default(QUERY_BOUNDS.pageSize)
    .meta({ description: `Page size, 1 to ${QUERY_BOUNDS.pageSize} (more answers 422 naming \`limit\`)` }),
  cursor: z.string().max(512).meta({ description: 'The next of the previous page' }).optional(),
})
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
