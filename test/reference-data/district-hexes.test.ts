import { readFileSync } from 'node:fs'
import { DISTRICT_HEXES, LOCAL_AUTHORITIES, localAuthority } from '@ey/reference-data'
import { describe, expect, it } from 'vitest'
import { parseDistrictHexesCsv } from '../../packages/reference-data/src/csv.ts'

const csv = readFileSync(
  new URL('../../packages/reference-data/data/district-hexes.csv', import.meta.url),
  'utf8',
)

describe('the hexagon map of England', () => {
  it('is exactly the CSV it is generated from (run the package build after editing the CSV)', () => {
    expect(DISTRICT_HEXES).toEqual(parseDistrictHexesCsv(csv))
  })

  it('has one hex per district, each of one of the 153 LAs, and at least one for every LA', () => {
    expect(DISTRICT_HEXES).toHaveLength(296)
    expect(new Set(DISTRICT_HEXES.map((hex) => hex.code)).size).toBe(296)
    expect(DISTRICT_HEXES.filter((hex) => !localAuthority(hex.laCode))).toEqual([])
    const drawn = new Set(DISTRICT_HEXES.map((hex) => hex.laCode))
    expect(LOCAL_AUTHORITIES.filter((la) => !drawn.has(la.code)).map((la) => la.name)).toEqual([])
  })

  it('puts no two hexes in the same cell, each at whole coordinates', () => {
    const cells = DISTRICT_HEXES.map((hex) => `${hex.q},${hex.r}`)
    expect(new Set(cells).size).toBe(cells.length)
    expect(DISTRICT_HEXES.every((hex) => Number.isInteger(hex.q) && Number.isInteger(hex.r))).toBe(true)
  })

  it('draws a unitary LA as its one district and a county as its cluster', () => {
    expect(DISTRICT_HEXES.filter((hex) => hex.laCode === 'E06000001').map((hex) => hex.name)).toEqual([
      'Hartlepool',
    ])
    expect(DISTRICT_HEXES.filter((hex) => hex.laCode === 'E10000030').length).toBeGreaterThan(5)
  })
})
