import { createHash, randomBytes } from 'node:crypto'
import { certificateCode, normaliseCertificateCode } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const CODE = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/

describe('certificateCode', () => {
  it('is the first 48 bits of the fingerprint as 12 hexadecimal digits', () => {
    const digest = createHash('sha256').update('certificate:token').digest()
    const hex = digest.subarray(0, 6).toString('hex').toUpperCase()
    expect(certificateCode(digest.toString('base64url'))).toBe(
      `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`,
    )
  })

  it('always has 12 digits, whatever the fingerprint, and reads back through the typed form', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const code = certificateCode(Buffer.from(bytes).toString('base64url'))
        expect(code).toMatch(CODE)
        expect(normaliseCertificateCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(code)
      }),
    )
  })

  it('refuses a fingerprint that is not base64url', () => {
    expect(() => certificateCode('not base64url!')).toThrow(/base64url/)
    expect(() => certificateCode(randomBytes(3).toString('base64url'))).toThrow(/at least 8/)
  })
})
