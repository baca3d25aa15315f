import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { SOFFICE_PATH } from '@ey/local-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ATTENDEE_COLUMNS } from '../../../functions/api/src/la-csv.ts'
import { LEEDS } from '../../support/factories.ts'
import { createLaDownloadsApi, FORMULA_NAMES, getAs, LISTED, PERIOD } from './la-downloads-world.ts'
import type { TestApi } from './support.ts'

const run = promisify(execFile)
let api: TestApi
let dir: string

beforeAll(async () => {
  api = await createLaDownloadsApi()
  dir = await mkdtemp(join(tmpdir(), 'ey-la-csv-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/**
 * Opens a downloaded CSV file in LibreOffice Calc (headless, with a profile of its own, reading
 * it as comma-separated UTF-8 as a spreadsheet user would choose) and saves it as a flat
 * OpenDocument spreadsheet: the rows of cells as Calc read them, and any formula it made.
 */
async function openInCalc(
  name: string,
  bytes: ArrayBuffer,
): Promise<{ rows: string[][]; formulas: string[] }> {
  await writeFile(join(dir, name), new Uint8Array(bytes))
  await run(
    SOFFICE_PATH,
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'fods',
      '--outdir',
      join(dir, 'out'),
      join(dir, name),
    ],
    { timeout: 120_000 },
  )
  const xml = await readFile(join(dir, 'out', name.replace(/\.csv$/, '.fods')), 'utf8')
  const rows = [...xml.matchAll(/<table:table-row\b[^>]*>([\s\S]*?)<\/table:table-row>/g)].map((row) =>
    [
      ...(row[1] ?? '').matchAll(/<table:table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g),
    ].flatMap((cell) => {
      const repeated = Number(/table:number-columns-repeated="(\d+)"/.exec(cell[1] ?? '')?.[1] ?? 1)
      const paragraphs = [...(cell[2] ?? '').matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)]
      const text = unescapeXml(paragraphs.map((p) => p[1] ?? '').join('\n'))
      return Array.from({ length: repeated }, () => text)
    }),
  )
  const formulas = [...xml.matchAll(/table:formula="([^"]*)"/g)].map((match) => unescapeXml(match[1] ?? ''))
  return { rows, formulas }
}

function unescapeXml(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

describe('the LA downloads in LibreOffice Calc', () => {
  it('opens the attendee list with a row per booking, every column, and formulas as text', async () => {
    const response = await getAs(
      api,
      'la-leeds',
      `/api/la/${LEEDS}/attendees.csv?from=${PERIOD.from}&to=${PERIOD.to}`,
    )
    const { rows, formulas } = await openInCalc('attendees.csv', await response.arrayBuffer())

    expect(formulas).toEqual([])
    const [header = [], ...lines] = rows
    expect(header).toEqual(ATTENDEE_COLUMNS.map((column) => column.name))
    expect(lines).toHaveLength(LISTED.length)
    // Calc drops trailing empty cells of a row; none is longer than the header.
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(header.length)
    const names = lines.map((line) => line[0])
    for (const name of FORMULA_NAMES) expect(names).toContain(`'${name}`)
    const amira = lines.find((line) => line[0] === 'Amira Khan') ?? []
    expect(amira[header.indexOf('dates and times')]).toBe(
      'Monday 5 October 2026, 4pm to 5:30pm; Monday 12 October 2026, 4pm to 5:30pm',
    )
    expect(amira[header.indexOf('part 1 attendance')]).toBe('present')
  }, 180_000)

  it('opens the summary with its nine columns and suppressed counts as text', async () => {
    const response = await getAs(
      api,
      'la-leeds',
      `/api/la/${LEEDS}/summary.csv?from=${PERIOD.from}&to=${PERIOD.to}`,
    )
    const { rows, formulas } = await openInCalc('summary.csv', await response.arrayBuffer())

    expect(formulas).toEqual([])
    expect(rows[0]).toEqual([
      'la code',
      'la name',
      'month',
      'course id',
      'course title',
      'bookings',
      'attended',
    ])
    expect(rows).toHaveLength(8)
    expect(rows.at(-1)?.slice(0, 5)).toEqual([LEEDS, 'Leeds', 'all months', '', 'all courses'])
  }, 180_000)
})
