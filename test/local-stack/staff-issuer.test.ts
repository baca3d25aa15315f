import { createStaffVerifier } from '@ey/api'
import { type StaffIssuer, signInAs, startStaffIssuer } from '@ey/local-stack'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answersBeyondLoopback } from '../support/loopback.ts'

let issuer: StaffIssuer
const SITE = 'http://127.0.0.1:4321'
const PKCE = { code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' }
const DANA = {
  sub: 'invited-dana',
  username: 'invited-dana',
  name: 'Dana <Invited>',
  roles: ['trainer' as const],
  laCodes: [],
}

beforeAll(async () => {
  issuer = await startStaffIssuer({
    siteUrl: SITE,
    users: {
      find: async (username) => (username === DANA.username ? DANA : undefined),
      list: async () => [DANA],
    },
  })
})

afterAll(() => issuer.stop())

describe('the local staff issuer', () => {
  it('binds to 127.0.0.1 alone and names itself by that address', async () => {
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await answersBeyondLoopback(Number(new URL(issuer.url).port))).toBe(false)
  })

  it('signs in a user from the directory with the code flow and PKCE, giving a Cognito-shaped ID token', async () => {
    const token = await signInAs(issuer.url, 'invited-dana')
    expect(decodeJwt(token)).toMatchObject({
      iss: issuer.url,
      aud: 'local-staff-site',
      sub: 'invited-dana',
      token_use: 'id',
      'cognito:username': 'invited-dana',
      'cognito:groups': ['trainer'],
      name: 'Dana <Invited>',
    })
  })

  it('issues tokens the API verifies with the same code it uses for Cognito', async () => {
    const verifier = createStaffVerifier({ issuer: issuer.url, audience: issuer.audience })
    const principal = await verifier.verify(await signInAs(issuer.url, 'invited-dana'))
    expect(principal).toEqual({
      sub: 'invited-dana',
      name: 'Dana <Invited>',
      roles: ['trainer'],
      laCodes: [],
    })
  })

  it('refuses to sign in someone who is not in the directory', async () => {
    await expect(signInAs(issuer.url, 'admin')).rejects.toThrow('access_denied')
  })

  it('offers the directory’s users to choose from when the site sends no login_hint, keeping the request', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'local-staff-site',
      state: 'xyz',
      redirect_uri: `${SITE}/staff/`,
      ...PKCE,
    })
    const response = await fetch(`${issuer.url}/oauth2/authorize?${query}`)
    const page = await response.text()
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(page).toContain('<input type="radio" id="user-0" name="login_hint" value="invited-dana" checked>')
    expect(page).toContain('Dana &lt;Invited&gt;')
    expect(page).toContain('<input type="hidden" name="state" value="xyz">')
  })

  describe('as Cognito’s app client would', () => {
    const authorize = (params: Record<string, string>) =>
      fetch(
        `${issuer.url}/oauth2/authorize?${new URLSearchParams({
          response_type: 'code',
          client_id: 'local-staff-site',
          login_hint: 'invited-dana',
          ...params,
        })}`,
        { redirect: 'manual' },
      )

    it('sends no one to a redirect URI that is not the site’s staff home', async () => {
      for (const redirect of [
        'https://evil.example/staff/',
        `${SITE}/elsewhere`,
        'http://127.0.0.1:1/staff/',
      ]) {
        const response = await authorize({ redirect_uri: redirect, ...PKCE })
        expect(response.status).toBe(400)
        expect(response.headers.get('location')).toBeNull()
        expect(await response.json()).toMatchObject({ error: 'invalid_request' })
      }
      expect((await authorize({ redirect_uri: `${SITE}/staff/`, ...PKCE })).status).toBe(302)
    })

    it('requires PKCE with S256 to authorize, and the verifier to redeem the code', async () => {
      expect((await authorize({ redirect_uri: `${SITE}/staff/` })).status).toBe(400)
      expect(
        (
          await authorize({
            redirect_uri: `${SITE}/staff/`,
            code_challenge: 'abc',
            code_challenge_method: 'plain',
          })
        ).status,
      ).toBe(400)
      const location = (await authorize({ redirect_uri: `${SITE}/staff/`, ...PKCE })).headers.get('location')
      const code = new URL(location ?? '').searchParams.get('code') ?? ''
      const token = await fetch(`${issuer.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          client_id: 'local-staff-site',
          redirect_uri: `${SITE}/staff/`,
        }),
      })
      expect(token.status).toBe(400)
      expect(await token.json()).not.toHaveProperty('id_token')
    })

    it('sends people back after signing out only to the site', async () => {
      const logout = (back: string) =>
        fetch(
          `${issuer.url}/logout?${new URLSearchParams({ post_logout_redirect_uri: back, logout_uri: back })}`,
          {
            redirect: 'manual',
          },
        )
      const away = await logout('https://evil.example/')
      expect(away.status).toBe(400)
      expect(away.headers.get('location')).toBeNull()
      const home = await logout(`${SITE}/staff/?signed-out=1`)
      expect(home.status).toBe(302)
      expect(home.headers.get('location')).toBe(`${SITE}/staff/?signed-out=1`)
    })
  })

  it('publishes its keys at Cognito’s path, as its discovery document says', async () => {
    const discovery = await (await fetch(`${issuer.url}/.well-known/openid-configuration`)).json()
    expect(discovery).toMatchObject({
      issuer: issuer.url,
      jwks_uri: `${issuer.url}/.well-known/jwks.json`,
      authorization_endpoint: `${issuer.url}/oauth2/authorize`,
      token_endpoint: `${issuer.url}/oauth2/token`,
    })
    const jwks = await (await fetch(issuer.jwksUrl)).json()
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' })
    expect(jwks.keys[0]).not.toHaveProperty('d')
  })

  it.each(['password', 'client_credentials'])(
    'refuses the %s grant: every token names a signed-in user',
    async (grant) => {
      const response = await fetch(`${issuer.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: grant,
          username: 'invited-dana',
          client_id: 'local-staff-site',
        }),
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ error: 'invalid_grant' })
    },
  )
})
