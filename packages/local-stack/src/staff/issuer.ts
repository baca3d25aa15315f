import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { staffRedirectUri } from '@ey/api'
import { createLocalJWKSet, type JWTPayload, jwtVerify } from 'jose'
import {
  Events,
  type JWK,
  type MutableRedirectUri,
  type MutableResponse,
  type MutableToken,
  OAuth2Issuer,
  OAuth2Service,
  type TokenRequestIncomingMessage,
} from 'oauth2-mock-server'
import { cognitoIdClaims, type StaffIdentity } from './claims.ts'
import { DEMO_STAFF } from './demo-staff.ts'
import { signInPage } from './sign-in-page.ts'

/** Cognito's endpoint paths, so the site and the API treat both issuers alike. */
const COGNITO_PATHS = {
  authorize: '/oauth2/authorize',
  token: '/oauth2/token',
  userinfo: '/oauth2/userInfo',
  endSession: '/logout',
  jwks: '/.well-known/jwks.json',
}

/** The port `pnpm start` gives the issuer, and where `pnpm staff-token` looks for it. */
export const DEFAULT_ISSUER_PORT = 8010

/**
 * Where `signInAs` (`pnpm staff-token`) says the issuer sends it back: a loopback address nothing
 * listens on, as a native app's, read from the redirect itself. The issuer always accepts it.
 */
export const CLI_REDIRECT_URI = 'http://127.0.0.1/staff-token'

/** The app client id of the local stack: the audience of its staff ID tokens. */
export const LOCAL_STAFF_CLIENT_ID = 'local-staff-site'

export interface StaffIssuerOptions {
  /** Port on 127.0.0.1 (default: one the OS picks). */
  port?: number
  /** The app client id the tokens are for (`aud`). */
  audience?: string
  /** Who may sign in, read at each sign-in: the staff directory (default: the demo staff). */
  users?: StaffUsers
  /** A private RS256 JWK with `kid` to sign with (default: a fresh key). */
  signingKey?: JWK
  /**
   * The site's origin: its staff home is a redirect URI the issuer accepts, and the only place it
   * sends people after signing out (default: none, so only `signInAs`'s own redirect is accepted).
   */
  siteUrl?: string
}

/** The staff who may sign in to the local issuer. */
export interface StaffUsers {
  find(username: string): Promise<StaffIdentity | undefined>
  list(): Promise<readonly StaffIdentity[]>
}

const DEMO_USERS: StaffUsers = {
  find: async (username) => DEMO_STAFF.find((staff) => staff.username === username),
  list: async () => DEMO_STAFF,
}

export interface StaffIssuer {
  /** The issuer (`iss`), e.g. `http://127.0.0.1:8010`. */
  url: string
  /** The issuer's keys, at the same path as Cognito's. */
  jwksUrl: string
  audience: string
  stop(): Promise<void>
}

/**
 * Starts a local OpenID Connect issuer (oauth2-mock-server) whose ID tokens have the shape of
 * Cognito's, at Cognito's paths. Sign-in is the authorization code flow with PKCE: without a
 * `login_hint`, the authorize endpoint shows a page to choose one of the directory's users (in
 * place of the hosted UI's password form); the user must be in the directory, so an
 * invited member can sign in at once. Other grants are refused: every token names a real user.
 *
 * As Cognito's app client would, it accepts only its own redirect URIs (the site's staff home and
 * `signInAs`'s loopback address), requires PKCE with S256 (a challenge to authorize, its verifier to
 * redeem the code), and after signing out sends people back only to the site; anything else is
 * answered 400 without a redirect.
 */
export async function startStaffIssuer(options: StaffIssuerOptions = {}): Promise<StaffIssuer> {
  const audience = options.audience ?? LOCAL_STAFF_CLIENT_ID
  const users = options.users ?? DEMO_USERS
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined
  const redirectUris = new Set([
    CLI_REDIRECT_URI,
    ...(options.siteUrl ? [staffRedirectUri(options.siteUrl)] : []),
  ])
  const issuer = new OAuth2Issuer(false)
  if (options.signingKey) await issuer.keys.add(options.signingKey)
  else await issuer.keys.generate('RS256')
  const service = new OAuth2Service(issuer, COGNITO_PATHS)

  // The hooks run synchronously, so the user is looked up before the request reaches the service.
  const hinted = new WeakMap<IncomingMessage, StaffIdentity | undefined>()
  const codes = new Map<string, StaffIdentity>()

  service.on(Events.BeforeAuthorizeRedirect, (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const user = hinted.get(req)
    const code = redirect.url.searchParams.get('code')
    if (user && code) {
      codes.set(code, user)
      return
    }
    redirect.url.searchParams.delete('code')
    redirect.url.searchParams.set('error', 'access_denied')
    redirect.url.searchParams.set('error_description', 'No staff member has that username')
  })
  service.on(Events.BeforeTokenSigning, (token: MutableToken, req: TokenRequestIncomingMessage) => {
    const user = req.body.code === undefined ? undefined : codes.get(req.body.code)
    if (!user) return
    if ('scope' in token.payload) {
      // The access token: Cognito's carries the client id and no audience.
      Object.assign(token.payload, { sub: user.sub, token_use: 'access', client_id: audience })
      token.payload.aud = undefined
    } else {
      Object.assign(token.payload, cognitoIdClaims(user, audience))
    }
  })
  service.on(Events.BeforeResponse, (response: MutableResponse, req: TokenRequestIncomingMessage) => {
    const code = req.body.code
    const known =
      req.body.grant_type === 'authorization_code' &&
      code !== undefined &&
      codes.has(code) &&
      typeof req.body.code_verifier === 'string' &&
      redirectUris.has(String((req.body as unknown as Record<string, unknown>).redirect_uri))
    if (code !== undefined) codes.delete(code)
    if (known) return
    response.statusCode = 400
    response.body = {
      error: 'invalid_grant',
      error_description: 'Sign in with the code flow as a staff member',
    }
  })
  const bearers = new WeakMap<IncomingMessage, JWTPayload | undefined>()
  service.on(Events.BeforeUserinfo, (response: MutableResponse, req: IncomingMessage) => {
    const claims = bearers.get(req)
    if (claims?.token_use === 'access' && typeof claims.sub === 'string') {
      response.body = { sub: claims.sub }
    } else {
      response.statusCode = 401
      response.body = { error: 'invalid_token' }
    }
  })

  let url = ''
  const keys = () => createLocalJWKSet({ keys: issuer.keys.toJSON() })
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1')
    const authorizing = path.pathname === COGNITO_PATHS.authorize && req.method === 'GET'
    const refusal = authorizing
      ? authorizeRefusal(path.searchParams, redirectUris)
      : path.pathname === COGNITO_PATHS.endSession
        ? logoutRefusal(path.searchParams, siteOrigin)
        : undefined
    if (refusal) {
      res
        .writeHead(400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ error: 'invalid_request', error_description: refusal }))
      return
    }
    const hint = authorizing ? path.searchParams.get('login_hint') : null
    if (authorizing && hint === null) {
      users.list().then(
        (list) =>
          res
            .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
            .end(signInPage(path.searchParams, list)),
        () => res.writeHead(500).end(),
      )
      return
    }
    const lookUp: Promise<unknown> | undefined =
      hint !== null
        ? users.find(hint).then((user) => hinted.set(req, user))
        : path.pathname === COGNITO_PATHS.userinfo
          ? jwtVerify(bearerOf(req) ?? '', keys(), { issuer: url }).then(
              ({ payload }) => bearers.set(req, payload),
              () => bearers.set(req, undefined),
            )
          : undefined
    if (!lookUp) return service.requestHandler(req, res)
    lookUp.then(
      () => service.requestHandler(req, res),
      () => res.writeHead(500).end(),
    )
  })
  const port = await listen(server, options.port ?? 0)
  url = `http://127.0.0.1:${port}`
  issuer.url = url
  return {
    url,
    jwksUrl: `${url}/.well-known/jwks.json`,
    audience,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

/** Why an authorization request is refused: a redirect URI not the client's own, or no S256 PKCE. */
function authorizeRefusal(params: URLSearchParams, redirectUris: ReadonlySet<string>): string | undefined {
  if (!redirectUris.has(params.get('redirect_uri') ?? '')) return 'redirect_uri is not one of this client’s'
  if (!params.get('code_challenge') || params.get('code_challenge_method') !== 'S256')
    return 'PKCE is required: code_challenge with code_challenge_method S256'
  return undefined
}

/** Why a sign-out is refused: a place to go back to that is not on the site. */
function logoutRefusal(params: URLSearchParams, siteOrigin: string | undefined): string | undefined {
  for (const name of ['post_logout_redirect_uri', 'logout_uri']) {
    const back = params.get(name)
    if (back === null) continue
    const origin = URL.canParse(back) ? new URL(back).origin : undefined
    if (!siteOrigin || origin !== siteOrigin) return `${name} is not on the site`
  }
  return undefined
}

function bearerOf(req: IncomingMessage): string | undefined {
  return req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}
