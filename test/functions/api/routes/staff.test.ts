import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  authorizeAt,
  type DemoStaffName,
  staffIssuer,
  staffToken,
  type TokenOptions,
} from '../../../support/staff.ts'
import { createTestApi, SITE_URL, type TestApi } from '../support.ts'

let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
})

async function me(token?: string) {
  return api.app.request('/api/staff/me', token ? { headers: { Authorization: `Bearer ${token}` } } : {})
}

describe('GET /api/staff/me', () => {
  it.each([
    ['admin', ['admin'], []],
    ['trainer-amira', ['trainer'], []],
    ['la-leeds', ['la-officer'], ['E08000035']],
  ] as const)('answers who %s is: roles and LA scope from the token', async (user, roles, laCodes) => {
    const response = await me(await staffToken(user as DemoStaffName))
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(await response.json()).toEqual({ sub: user, name: expect.any(String), roles, laCodes })
  })

  it('reads several LAs from the comma-separated custom attribute', async () => {
    const response = await me(await staffToken('la-north-east'))
    expect((await response.json()).laCodes).toEqual([
      'E08000021',
      'E08000037',
      'E08000024',
      'E06000047',
      'E06000057',
    ])
  })

  it('ignores groups that are not staff roles', async () => {
    const response = await me(
      await staffToken('trainer-ben', { groups: ['trainer', 'us-east-1_Other', 'root'] }),
    )
    expect((await response.json()).roles).toEqual(['trainer'])
  })

  it('answers 401 problem+json with WWW-Authenticate when no token is sent', async () => {
    const response = await me()
    expect(response.status).toBe(401)
    expect(response.headers.get('WWW-Authenticate')).toBe('Bearer')
    expect(response.headers.get('Content-Type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ code: 'unauthorized', status: 401 })
  })

  it.each<[string, TokenOptions]>([
    ['expired', { expiresIn: -120 }],
    ['signed with a key the issuer never published', { forged: true }],
    ['for another app client', { audience: 'another-client' }],
    ['from another issuer', { issuer: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Other' }],
    ['an access token, not an ID token', { tokenUse: 'access' }],
  ])('answers 401 to a token %s', async (_case, options) => {
    const response = await me(await staffToken('admin', options))
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'unauthorized' })
  })

  it('tells the caller an expired sign-in needs renewing', async () => {
    const response = await me(await staffToken('admin', { expiresIn: -120 }))
    expect((await response.json()).detail).toBe('Your sign-in has expired. Sign in again.')
  })

  it('answers 401 to a token that is not a JWT at all', async () => {
    expect((await me('not-a-token')).status).toBe(401)
  })

  it('answers 403 to a valid token with no staff group', async () => {
    const response = await me(await staffToken('admin', { groups: [] }))
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'forbidden' })
  })

  it('never logs the token', async () => {
    const token = await staffToken('admin')
    await me(token)
    expect(api.deps.logger.text()).not.toContain(token)
  })
})

describe('GET /api/auth/config', () => {
  it('answers the issuer, the app client and the Cognito-style endpoints', async () => {
    const { issuer, audience } = staffIssuer()
    const response = await api.app.request('/api/auth/config')
    expect(await response.json()).toEqual({
      issuer,
      clientId: audience,
      authorizeUrl: `${issuer}/oauth2/authorize`,
      tokenUrl: `${issuer}/oauth2/token`,
      logoutUrl: `${issuer}/logout`,
    })
  })
})

/** Starts sign-in at the run's issuer as the site would, answering the code and its PKCE verifier. */
function authorize(username: string): Promise<{ code: string; codeVerifier: string }> {
  const { issuer, audience } = staffIssuer()
  return authorizeAt({ issuer, clientId: audience, siteUrl: SITE_URL }, username)
}

function redeem(body: Record<string, unknown>) {
  return api.app.request('/api/auth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describe('POST /api/auth/token', () => {
  it('redeems the sign-in code for an ID token the staff routes accept', async () => {
    const response = await redeem(await authorize('trainer-chloe'))
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const { idToken } = await response.json()
    const who = await me(idToken)
    expect(await who.json()).toMatchObject({ sub: 'trainer-chloe', roles: ['trainer'] })
  })

  it('answers 401 when the verifier does not match the code’s challenge', async () => {
    const { code } = await authorize('admin')
    const response = await redeem({ code, codeVerifier: randomBytes(32).toString('base64url') })
    expect(response.status).toBe(401)
  })

  it('answers 401 to a code used twice', async () => {
    const request = await authorize('admin')
    expect((await redeem(request)).status).toBe(200)
    expect((await redeem(request)).status).toBe(401)
  })
})
