// Every time is shown in London, whatever the device's own time zone.
const ZONE = 'Europe/London'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** A date as GOV.UK writes it: `Tuesday 24 November 2026` (no comma after the day's name). */
export function longDate(iso: string): string {
  const p = Object.fromEntries(dateFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]))
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`
}

/** A time as GOV.UK writes it (and as the emails do): `6pm`, `6:30pm`, `midday`, `midnight`. */
export function clockTime(iso: string): string {
  const p = Object.fromEntries(timeFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]))
  const hour = Number(p.hour)
  const minute = p.minute ?? '00'
  if (minute === '00' && hour === 12) return 'midday'
  if (minute === '00' && hour === 0) return 'midnight'
  const suffix = hour < 12 ? 'am' : 'pm'
  const h12 = hour % 12 === 0 ? 12 : hour % 12
  return minute === '00' ? `${h12}${suffix}` : `${h12}:${minute}${suffix}`
}

/** `Tuesday 24 November 2026, 6pm to 7:30pm`. */
export function when(startsAt: string, endsAt: string): string {
  return `${longDate(startsAt)}, ${clockTime(startsAt)} to ${clockTime(endsAt)}`
}

/** `1 hour 30 minutes`, `2 hours`, `45 minutes`. */
export function duration(startsAt: string, endsAt: string): string {
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  const hours = h === 0 ? '' : `${h} ${h === 1 ? 'hour' : 'hours'}`
  const rest = m === 0 ? '' : `${m} ${m === 1 ? 'minute' : 'minutes'}`
  return [hours, rest].filter(Boolean).join(' ') || '0 minutes'
}

/** `1 place`, `3 places`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** An ordinal for a waiting list position: `1st`, `2nd`, `23rd`. */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}
