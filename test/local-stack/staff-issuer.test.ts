import { createStaffVerifier } from '@ey/api'
import { type StaffIssuer, signInAs, startStaffIssuer } from '@ey/local-stack'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let issuer: StaffIssuer
const DANA = {
  sub: 'invited-dana',
  username: 'invited-dana',
  name: 'Dana <Invited>',
  roles: ['trainer' as const],
  laCodes: [],
}

beforeAll(async () => {
  issuer = await startStaffIssuer({
    users: {
      find: async (username) => (username === DANA.username ? DANA : undefined),
      list: async () => [DANA],
    },
  })
})

afterAll(() => issuer.stop())

describe('the local staff issuer', () => {
  it('binds to 127.0.0.1 and names itself by that address', () => {
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
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
    const response = await fetch(
      `${issuer.url}/oauth2/authorize?response_type=code&client_id=local-staff-site&state=xyz`,
    )
    const page = await response.text()
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(page).toContain('<input type="radio" id="user-0" name="login_hint" value="invited-dana" checked>')
    expect(page).toContain('Dana &lt;Invited&gt;')
    expect(page).toContain('<input type="hidden" name="state" value="xyz">')
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
