import {
  StaffPrincipalSchema,
  StaffSignInConfigSchema,
  StaffTokenRequestSchema,
  StaffTokenSchema,
} from '@ey/contract'
import { AccessDeniedError } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

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
          content: { 'application/json': { schema: StaffPrincipalSchema } },
        },
        ...staffProblems(401, 403),
      },
    }),
    (c) => c.json(staffOf(c), 200, { 'Cache-Control': 'private, no-store' }),
  )
}

/** Where the issuer sends staff back after sign-in: the site's staff home. */
export function staffRedirectUri(siteUrl: string): string {
  return `${siteUrl.replace(/\/$/, '')}/staff/`
}

/**
 * `GET /api/auth/config`: where the site sends staff to sign in (public values: no secret exists,
 * the app client uses PKCE). `POST /api/auth/token` redeems the code for the ID token on the
 * site's behalf, so the pages talk only to their own origin (CSP `connect-src 'self'`). Neither
 * is under `/api/staff`, where every route needs a token.
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
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/config',
        tags: ['staff'],
        summary: 'Staff sign-in settings (OpenID Connect, authorization code with PKCE)',
        responses: {
          200: {
            description: 'The issuer and its endpoints',
            content: { 'application/json': { schema: StaffSignInConfigSchema } },
          },
        },
      }),
      (c) => c.json(config, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/token',
        tags: ['staff'],
        summary: 'Redeem the sign-in code (with its PKCE verifier) for the ID token',
        request: {
          body: { required: true, content: { 'application/json': { schema: StaffTokenRequestSchema } } },
        },
        responses: {
          200: {
            description: 'The ID token to send as staffBearer',
            content: { 'application/json': { schema: StaffTokenSchema } },
          },
          ...staffProblems(400, 401),
        },
      }),
      async (c) => {
        const { code, codeVerifier } = c.req.valid('json')
        const response = await fetch(config.tokenUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: config.clientId,
            code,
            code_verifier: codeVerifier,
            redirect_uri: staffRedirectUri(deps.siteUrl),
          }),
        })
        const tokens = (await response.json().catch(() => ({}))) as { id_token?: unknown }
        if (!response.ok || typeof tokens.id_token !== 'string') {
          throw new AccessDeniedError(401, 'Sign-in did not complete. Sign in again.')
        }
        // Only a token this API accepts is handed to the page.
        await deps.staff.verify(tokens.id_token)
        return c.json({ idToken: tokens.id_token }, 200, { 'Cache-Control': 'no-store' })
      },
    )
}
