import { manageUrl } from '@ey/presentation'
import { describe, expect, it } from 'vitest'

describe('manageUrl', () => {
  it('puts the id and token in the fragment of the manage page, where no server sees them', () => {
    expect(manageUrl('https://training.example.org', 'bk_0001', 'secret-token')).toBe(
      'https://training.example.org/manage#id=bk_0001&token=secret-token',
    )
  })

  it('takes the site URL with or without trailing slashes', () => {
    expect(manageUrl('https://training.example.org//', 'bk_1', 't')).toBe(
      'https://training.example.org/manage#id=bk_1&token=t',
    )
  })

  it('is the path alone for a link within the site', () => {
    expect(manageUrl('', 'bk_1', 't')).toBe('/manage#id=bk_1&token=t')
  })

  it('encodes what the fragment cannot carry as it is, and reads back to the same id and token', () => {
    const token = 'a+b/c=d&e f#g'
    const url = new URL(manageUrl('https://training.example.org', 'bk_ü&1', token))
    expect(url.pathname).toBe('/manage')
    expect(url.hash).toBe('#id=bk_%C3%BC%261&token=a%2Bb%2Fc%3Dd%26e+f%23g')
    const params = new URLSearchParams(url.hash.slice(1))
    expect([params.get('id'), params.get('token')]).toEqual(['bk_ü&1', token])
  })
})
