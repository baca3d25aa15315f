// Regenerates the JSON the package exports from the CSVs (the files a data update changes).
import { readFileSync, writeFileSync } from 'node:fs'
import { parseDistrictHexesCsv, parseLocalAuthoritiesCsv } from '../src/csv.ts'

function build(name: string, parse: (csv: string) => unknown[]): void {
  const csv = readFileSync(new URL(`../data/${name}.csv`, import.meta.url), 'utf8')
  writeFileSync(new URL(`../data/${name}.json`, import.meta.url), `${JSON.stringify(parse(csv), null, 1)}\n`)
}

build('local-authorities', parseLocalAuthoritiesCsv)
build('district-hexes', parseDistrictHexesCsv)
