import { readFileSync } from 'node:fs'
import { LOCAL_AUTHORITIES, localAuthority } from '@ey/reference-data'
import { describe, expect, it } from 'vitest'
import { parseLocalAuthoritiesCsv } from '../../packages/reference-data/src/csv.ts'

const csv = readFileSync(
  new URL('../../packages/reference-data/data/local-authorities.csv', import.meta.url),
  'utf8',
)

describe('the list of local authorities', () => {
  it('is exactly the CSV it is generated from (run the package build after editing the CSV)', () => {
    expect(LOCAL_AUTHORITIES).toEqual(parseLocalAuthoritiesCsv(csv))
  })

  it('holds the 153 English upper-tier LAs, each code once, in nine regions', () => {
    expect(LOCAL_AUTHORITIES).toHaveLength(153)
    expect(new Set(LOCAL_AUTHORITIES.map((la) => la.code)).size).toBe(153)
    expect(new Set(LOCAL_AUTHORITIES.map((la) => la.regionName)).size).toBe(9)
  })

  it('keeps names that contain commas whole', () => {
    expect(localAuthority('E06000010')?.name).toBe('Kingston upon Hull, City of')
  })

  it('uses the current codes of Barnsley and Sheffield', () => {
    expect(localAuthority('E08000039')?.name).toBe('Sheffield')
    expect(localAuthority('E08000019')).toBeUndefined()
  })
})
