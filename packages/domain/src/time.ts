import { TZDate } from '@date-fns/tz'
import { londonFormat } from './london-format.ts'
import { LONDON } from './zone.ts'

const partsFormatter = londonFormat({
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The wall-clock parts of an instant in London. */
export function londonParts(instant: Date): {
  weekday: string
  date: string
  time: string
  month: string
} {
  const p = Object.fromEntries(partsFormatter.formatToParts(instant).map((x) => [x.type, x.value]))
  return {
    weekday: p.weekday ?? '',
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}`,
    month: `${p.year}-${p.month}`,
  }
}

/** ISO 8601 with London's offset at that instant, e.g. `2026-06-01T16:00:00+01:00`. */
export function toLondonIso(instant: Date | string): string {
  const d = new TZDate(new Date(instant).getTime(), LONDON)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  const abs = Math.abs(offset)
  const pad = (n: number) => String(n).padStart(2, '0')
  const { date, time } = londonParts(new Date(instant))
  const seconds = pad(new Date(instant).getUTCSeconds())
  return `${date}T${time}:${seconds}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The UTC instant of a London wall-clock date (YYYY-MM-DD) and time (HH:mm). */
export function fromLondon(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0, 0, LONDON).getTime())
}

/** The calendar date `days` after (or, when negative, before) a date (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  // Noon, so that no arithmetic on the day can cross into a neighbouring date.
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The calendar month (YYYY-MM, UTC) an instant falls in: the bucket of the session listing. */
export function utcMonth(instant: Date | string): string {
  return new Date(instant).toISOString().slice(0, 7)
}

/** Every UTC month from one instant's month to another's, inclusive. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = []
  const cursor = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1))
  while (cursor <= to) {
    months.push(utcMonth(cursor))
    cursor.setUTCMonth(cursor.getUTCMonth() + 1)
  }
  return months
}
