import { StaffPrincipalSchema } from '@ey/domain'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

const PrincipalViewSchema = StaffPrincipalSchema.meta({ id: 'StaffPrincipal' })

const SignInConfigSchema = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    authorizeUrl: z.string(),
    tokenUrl: z.string(),
    logoutUrl: z.string(),
  })
  .meta({ id: 'StaffSignInConfig' })

/** `GET /api/staff/me`: who the signed-in staff member is, as the API sees them. */
export function staffRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['staff'],
      summary: 'The signed-in staff member: roles and LA scope',
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff)] as const,
      responses: {
        200: {
          description: 'The verified caller',
          content: { 'application/json': { schema: PrincipalViewSchema } },
        },
        ...staffProblems(401, 403),
      },
    }),
    (c) => c.json(staffOf(c), 200, { 'Cache-Control': 'private, no-store' }),
  )
}

/**
 * `GET /api/auth/config`: where the site sends staff to sign in (public values: no secret exists,
 * the app client uses PKCE). Not under `/api/staff`, where every route needs a token.
 */
export function staffSignInRoutes(deps: ApiDeps): OpenAPIHono {
  const base = deps.staffSignIn.authUrl.replace(/\/$/, '')
  const config = {
    issuer: deps.staffSignIn.issuer,
    clientId: deps.staffSignIn.clientId,
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    logoutUrl: `${base}/logout`,
  }
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/config',
      tags: ['staff'],
      summary: 'Staff sign-in settings (OpenID Connect, authorization code with PKCE)',
      responses: {
        200: {
          description: 'The issuer and its endpoints',
          content: { 'application/json': { schema: SignInConfigSchema } },
        },
      },
    }),
    (c) => c.json(config, 200),
  )
}
