import { parse } from 'csv-parse/sync'
import type { DistrictHex, LocalAuthority } from './index.ts'

const HEADER = ['ons_code', 'name', 'region_code', 'region_name', 'dfe_la_number']
const HEX_HEADER = ['lad_code', 'lad_name', 'la_ons_code', 'q', 'r']

/** The rows of a CSV after its header, which must be `header` exactly. */
function rowsOf(csv: string, header: readonly string[]): string[][] {
  const [first, ...rows] = parse(csv, { skip_empty_lines: true }) as string[][]
  if (first?.join(',') !== header.join(',')) throw new Error(`Unexpected header: ${first?.join(',')}`)
  return rows
}

/** Parses the LA list CSV (`ons_code,name,region_code,region_name,dfe_la_number`). */
export function parseLocalAuthoritiesCsv(csv: string): LocalAuthority[] {
  return rowsOf(csv, HEADER).map(
    ([code = '', name = '', regionCode = '', regionName = '', dfeNumber = '']) => ({
      code,
      name,
      regionCode,
      regionName,
      dfeNumber,
    }),
  )
}

/** Parses the hexagon map CSV (`lad_code,lad_name,la_ons_code,q,r`). */
export function parseDistrictHexesCsv(csv: string): DistrictHex[] {
  return rowsOf(csv, HEX_HEADER).map(([code = '', name = '', laCode = '', q = '', r = '']) => ({
    code,
    name,
    laCode,
    q: Number(q),
    r: Number(r),
  }))
}
