import { parse } from 'csv-parse/sync'
import { ValidationError } from '../errors.ts'
import type { Booking } from '../schemas/booking.ts'
import { normaliseEmail } from './people.ts'

/** One person of a meeting's participant report, rows of the same address merged. */
export interface ReportRow {
  name: string
  email?: string
  /** Time in the meeting, when the report gives it. */
  minutes?: number
}

/** The report's people matched to bookings by normalised email, for the trainer to review. */
export interface ReportMatching {
  matches: { bookingId: string; row: ReportRow }[]
  /** Rows no booking on the register has: guests, other addresses, walk-ins. */
  unmatched: ReportRow[]
  /** Bookings on the register the report does not mention. */
  missing: string[]
}

const NAME = /^(full )?name\b/i
const EMAIL = /^(user )?e-?mail( address)?$/i
const UPN = /^participant id/i
const DURATION = /duration/i

/** Teams writes durations as `1h 28m 58s`; Zoom as whole minutes. */
function minutesOf(value: string | undefined): number | undefined {
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value))
  const parts = /(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?/i.exec(value.trim())
  if (!parts?.[0]) return undefined
  const [, h = '0', m = '0', s = '0'] = parts
  return Math.round(Number(h) * 60 + Number(m) + Number(s) / 60)
}

/** A report file's text: Teams writes UTF-16 with a byte-order mark, Zoom UTF-8. */
export function decodeReport(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes)
}

/**
 * Reads the participant report a Teams meeting (tab-separated, in sections, often UTF-16) or a
 * Zoom meeting (comma-separated) exports: the first table with a name and an email column.
 * Throws a validation error on the `report` field when no such table is found.
 */
export function parseParticipantReport(text: string): ReportRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const start = lines.findIndex((line) => {
    const cells = line.split(line.includes('\t') ? '\t' : ',').map((cell) => cell.replace(/"/g, '').trim())
    return cells.some((cell) => NAME.test(cell)) && cells.some((cell) => EMAIL.test(cell) || UPN.test(cell))
  })
  const header = lines[start]
  if (start < 0 || header === undefined) {
    throw new ValidationError([
      { field: 'report', message: 'The file has no table of participants with names and email addresses' },
    ])
  }
  const end = lines.findIndex((line, index) => index > start && line.trim() === '')
  const block = lines.slice(start, end < 0 ? undefined : end).join('\n')
  const records = parse(block, {
    delimiter: header.includes('\t') ? '\t' : ',',
    columns: (names: string[]) => names.map((name) => name.trim()),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[]
  const columns = Object.keys(records[0] ?? {})
  const nameColumn = columns.find((c) => NAME.test(c)) ?? ''
  const emailColumn = columns.find((c) => EMAIL.test(c)) ?? columns.find((c) => UPN.test(c)) ?? ''
  const durationColumn = columns.find((c) => DURATION.test(c))
  const byEmail = new Map<string, ReportRow>()
  const guests: ReportRow[] = []
  for (const record of records) {
    const name = (record[nameColumn] ?? '').replace(/\s*\(.*\)$/, '').trim()
    const email = (record[emailColumn] ?? '').trim()
    const minutes = minutesOf(durationColumn ? record[durationColumn] : undefined)
    if (!email.includes('@')) {
      if (name) guests.push({ name, ...(minutes === undefined ? {} : { minutes }) })
      continue
    }
    const key = normaliseEmail(email)
    const seen = byEmail.get(key)
    const total =
      seen?.minutes !== undefined || minutes !== undefined ? (seen?.minutes ?? 0) + (minutes ?? 0) : undefined
    byEmail.set(key, { name: seen?.name ?? name, email, ...(total === undefined ? {} : { minutes: total }) })
  }
  return [...byEmail.values(), ...guests]
}

/** Matches report rows to the bookings on the register by normalised email address. */
export function matchParticipantReport(
  rows: readonly ReportRow[],
  bookings: readonly Booking[],
): ReportMatching {
  const byEmail = new Map(bookings.map((booking) => [booking.emailKey, booking]))
  const matches: ReportMatching['matches'] = []
  const unmatched: ReportRow[] = []
  for (const row of rows) {
    const booking = row.email ? byEmail.get(normaliseEmail(row.email)) : undefined
    if (booking) matches.push({ bookingId: booking.id, row })
    else unmatched.push(row)
  }
  const matched = new Set(matches.map((match) => match.bookingId))
  return { matches, unmatched, missing: bookings.filter((b) => !matched.has(b.id)).map((b) => b.id) }
}
