// Regenerates data/local-authorities.json from the CSV (the file a data update changes).
import { readFileSync, writeFileSync } from 'node:fs'
import { parseLocalAuthoritiesCsv } from '../src/csv.ts'

const csv = readFileSync(new URL('../data/local-authorities.csv', import.meta.url), 'utf8')
writeFileSync(
  new URL('../data/local-authorities.json', import.meta.url),
  `${JSON.stringify(parseLocalAuthoritiesCsv(csv), null, 1)}\n`,
)
