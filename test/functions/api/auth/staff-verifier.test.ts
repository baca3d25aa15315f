import { createStaffVerifier, defaultJwksUrl, principalOf } from '@ey/api'
import { AccessDeniedError } from '@ey/domain'
import { freePort } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'
import { staffIssuer, staffToken } from '../../../support/staff.ts'

describe('the staff token verifier', () => {
  it('maps the LA scope only for LA officers, keeping only real LA codes', () => {
    const claims = { sub: 'x', 'custom:la_codes': 'E08000035, nonsense ,E06000047' }
    expect(principalOf({ ...claims, 'cognito:groups': ['la-officer'] }).laCodes).toEqual([
      'E08000035',
      'E06000047',
    ])
    expect(principalOf({ ...claims, 'cognito:groups': ['trainer'] }).laCodes).toEqual([])
  })

  it('finds Cognito’s keys under the issuer unless told otherwise', () => {
    expect(defaultJwksUrl('https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Abc')).toBe(
      'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Abc/.well-known/jwks.json',
    )
  })

  it('throws AccessDeniedError(401) for a bad token', async () => {
    const { issuer, audience, jwksUrl } = staffIssuer()
    const verifier = createStaffVerifier({ issuer, audience, jwksUrl })
    const failure = await verifier
      .verify(await staffToken('admin', { forged: true }))
      .catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(AccessDeniedError)
    expect(failure).toMatchObject({ status: 401 })
  })

  it('treats an unreachable issuer as its own fault, not the caller’s (no 401)', async () => {
    const { issuer, audience } = staffIssuer()
    const verifier = createStaffVerifier({
      issuer,
      audience,
      jwksUrl: `http://127.0.0.1:${await freePort()}/keys`,
    })
    const failure = await verifier.verify(await staffToken('admin')).catch((e: unknown) => e)
    expect(failure).not.toBeInstanceOf(AccessDeniedError)
  })
})
