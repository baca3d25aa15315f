import { parse } from 'csv-parse/sync'
import type * as z from 'zod'
import { type SessionInput, SessionInputSchema } from '../schemas/session-form.ts'

/** Parts a CSV row can hold; a longer course is scheduled through the form. */
export const CSV_MAX_PARTS = 4

const PART_COLUMNS = Array.from({ length: CSV_MAX_PARTS }, (_, i) => [
  `part_${i + 1}_date`,
  `part_${i + 1}_start`,
  `part_${i + 1}_end`,
]).flat()

/** The columns of the import file, in the template's order. */
export const SESSION_CSV_COLUMNS = [
  'course_id',
  'title',
  'format',
  'capacity',
  'status',
  ...PART_COLUMNS,
  'venue_name',
  'venue_address',
  'venue_postcode',
  'venue_la_code',
  'venue_accessibility',
  'joining_url',
  'trainer_ids',
  'bespoke_la_codes',
  'booking_opens_date',
  'booking_opens_time',
  'booking_closes_date',
  'booking_closes_time',
  'reminder_hours',
] as const

const EXAMPLE: Record<string, string> = {
  course_id: 'slcn-core',
  title: 'Speech, language and communication: core (twilight)',
  format: 'in-person',
  capacity: '20',
  status: 'draft',
  part_1_date: '2026-06-01',
  part_1_start: '16:00',
  part_1_end: '18:00',
  part_2_date: '2026-06-08',
  part_2_start: '16:00',
  part_2_end: '18:00',
  venue_name: 'Leeds Family Hub',
  venue_address: '1 Park Row; Leeds',
  venue_postcode: 'LS1 5HD',
  venue_la_code: 'E08000035',
  venue_accessibility: 'Step-free entrance; hearing loop in the main room',
  trainer_ids: 'trainer-amira',
  reminder_hours: '48;2',
}

/**
 * The template to download: the header and one example row. Lists (address lines, trainers, LA
 * codes, reminder hours) are separated by semicolons; dates are YYYY-MM-DD (or DD/MM/YYYY) and
 * times HH:mm, London time. `reminder_hours` gives the hours before each part that reminders go:
 * empty for the defaults (48;2), `none` for no reminders.
 */
export function sessionCsvTemplate(): string {
  const quote = (value: string) => (/[",\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)
  const example = SESSION_CSV_COLUMNS.map((column) => quote(EXAMPLE[column] ?? ''))
  return `${SESSION_CSV_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`
}

/** One problem with a cell, named by its column. */
export interface CellError {
  column: string
  message: string
}

/** A data row: its number as a spreadsheet shows it (the header is row 1), and its session or errors. */
export interface CsvRow {
  row: number
  input?: SessionInput
  errors: CellError[]
}

/**
 * Reads an import file into session inputs, one per data row, with every row's own errors
 * (unknown or missing columns are errors of the whole file, thrown as a `CsvFileError`).
 */
export function parseSessionCsv(text: string): CsvRow[] {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true })
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message}`)
  }
  const [header, ...data] = records
  if (!header) throw new CsvFileError('The file is empty: download the template and fill it in')
  const unknown = header.filter((name) => !(SESSION_CSV_COLUMNS as readonly string[]).includes(name))
  if (unknown.length > 0) throw new CsvFileError(`Unknown columns: ${unknown.join(', ')}`)
  if (!header.includes('course_id')) throw new CsvFileError('The course_id column is missing')
  return data.map((cells, i) => {
    const cell = (name: string) => cells[header.indexOf(name)]?.trim() ?? ''
    return rowOf(i + 2, cell)
  })
}

/** A problem with the file as a whole: nothing in it can be read row by row. */
export class CsvFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CsvFileError'
  }
}

function rowOf(row: number, cell: (name: string) => string): CsvRow {
  const list = (name: string) =>
    cell(name)
      .split(/[;\n]/)
      .map((item) => item.trim())
      .filter(Boolean)
  const optional = <T>(name: string, value: T) => (cell(name) ? value : undefined)
  const moment = (prefix: string) =>
    cell(`${prefix}_date`) || cell(`${prefix}_time`)
      ? { date: isoDate(cell(`${prefix}_date`)), time: cell(`${prefix}_time`) }
      : undefined
  const parts = Array.from({ length: CSV_MAX_PARTS }, (_, i) => i + 1)
    .filter((n) => cell(`part_${n}_date`) || cell(`part_${n}_start`) || cell(`part_${n}_end`))
    .map((n) => ({
      date: isoDate(cell(`part_${n}_date`)),
      startTime: cell(`part_${n}_start`),
      endTime: cell(`part_${n}_end`),
    }))
  const hasVenue = ['venue_name', 'venue_address', 'venue_postcode', 'venue_la_code'].some((name) =>
    cell(name),
  )
  const raw = {
    courseId: cell('course_id'),
    title: optional('title', cell('title')),
    format: cell('format'),
    capacity: /^\d+$/.test(cell('capacity')) ? Number(cell('capacity')) : cell('capacity') || undefined,
    status: cell('status') || 'draft',
    parts,
    venue: hasVenue
      ? {
          name: cell('venue_name'),
          address: list('venue_address'),
          postcode: cell('venue_postcode'),
          laCode: cell('venue_la_code'),
          accessibility: optional('venue_accessibility', cell('venue_accessibility')),
        }
      : undefined,
    joiningUrl: optional('joining_url', cell('joining_url')),
    trainerIds: list('trainer_ids'),
    bespokeLaCodes: list('bespoke_la_codes'),
    bookingOpens: moment('booking_opens'),
    bookingCloses: moment('booking_closes'),
    reminderLeadsMinutes: reminderLeads(cell('reminder_hours')),
  }
  const parsed = SessionInputSchema.safeParse(raw)
  if (parsed.success) return { row, input: parsed.data, errors: [] }
  return { row, errors: cellErrors(parsed.error) }
}

/**
 * Reminder hours (`48;2`) as minutes; empty for the defaults, `none` for no reminders. What is not a
 * number is handed on as it is, for the schema to name the column.
 */
function reminderLeads(value: string): unknown[] | undefined {
  if (value === '') return undefined
  if (value.toLowerCase() === 'none') return []
  return value
    .split(';')
    .map((hours) => hours.trim())
    .map((hours) => (/^\d+(\.\d+)?$/.test(hours) ? Math.round(Number(hours) * 60) : hours))
}

/** DD/MM/YYYY, as spreadsheets in the UK write dates, becomes YYYY-MM-DD. */
function isoDate(value: string): string {
  const uk = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)
  return uk ? `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}` : value
}

function cellErrors(error: z.ZodError): CellError[] {
  const seen = new Map<string, CellError>()
  for (const issue of error.issues) {
    const column = columnOf(issue.path.map(String).join('.'))
    if (!seen.has(column)) seen.set(column, { column, message: issue.message })
  }
  return [...seen.values()]
}

const FIELD_COLUMNS: Record<string, string> = {
  courseId: 'course_id',
  title: 'title',
  format: 'format',
  capacity: 'capacity',
  status: 'status',
  parts: 'part_1_date',
  venue: 'venue_name',
  'venue.name': 'venue_name',
  'venue.address': 'venue_address',
  'venue.postcode': 'venue_postcode',
  'venue.laCode': 'venue_la_code',
  'venue.accessibility': 'venue_accessibility',
  joiningUrl: 'joining_url',
  trainerIds: 'trainer_ids',
  bespokeLaCodes: 'bespoke_la_codes',
  'bookingOpens.date': 'booking_opens_date',
  'bookingOpens.time': 'booking_opens_time',
  'bookingCloses.date': 'booking_closes_date',
  'bookingCloses.time': 'booking_closes_time',
  reminderLeadsMinutes: 'reminder_hours',
}

const PART_FIELDS: Record<string, string> = { date: 'date', startTime: 'start', endTime: 'end' }

/** The CSV column of a form field path (`parts.1.endTime` → `part_2_end`). */
export function columnOf(field: string): string {
  const part = field.match(/^parts\.(\d+)\.(date|startTime|endTime)$/)
  if (part) return `part_${Number(part[1]) + 1}_${PART_FIELDS[part[2] ?? 'date']}`
  const trimmed = field.replace(/\.\d+$/, '')
  return FIELD_COLUMNS[field] ?? FIELD_COLUMNS[trimmed] ?? trimmed
}
