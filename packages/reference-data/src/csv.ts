import { parse } from 'csv-parse/sync'
import type { LocalAuthority } from './index.ts'

const HEADER = ['ons_code', 'name', 'region_code', 'region_name', 'dfe_la_number']

/** Parses the LA list CSV (`ons_code,name,region_code,region_name,dfe_la_number`). */
export function parseLocalAuthoritiesCsv(csv: string): LocalAuthority[] {
  const [header, ...rows] = parse(csv, { skip_empty_lines: true }) as string[][]
  if (header?.join(',') !== HEADER.join(',')) throw new Error(`Unexpected header: ${header?.join(',')}`)
  return rows.map(([code = '', name = '', regionCode = '', regionName = '', dfeNumber = '']) => ({
    code,
    name,
    regionCode,
    regionName,
    dfeNumber,
  }))
}
