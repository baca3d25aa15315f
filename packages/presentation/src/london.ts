import { type LondonFormat, londonFormat } from '@ey/domain'

// Every date and time is written in London, whatever the zone of the server or the device, and as
// GOV.UK style writes them: `Tuesday 1 December 2026` (no comma after the day's name), `4pm`, `5:30pm`.

const dateFormat = londonFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

const timeFormat = londonFormat({ hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })

/** An instant: a Date, or an ISO 8601 string (UTC or with an offset). */
export type Instant = Date | string

function partsOf(format: LondonFormat, instant: Instant): Record<string, string> {
  return Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]))
}

/** A London calendar date in words: `Tuesday 1 December 2026`. */
export function londonDate(instant: Instant): string {
  const p = partsOf(dateFormat, instant)
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`
}

/** A London clock time: `4pm`, `5:30pm`, `midday`, `midnight`, `12:15am`. */
export function londonTime(instant: Instant): string {
  const p = partsOf(timeFormat, instant)
  const hour = Number(p.hour)
  const minute = p.minute ?? '00'
  if (minute === '00' && hour === 12) return 'midday'
  if (minute === '00' && hour === 0) return 'midnight'
  const suffix = hour < 12 ? 'am' : 'pm'
  const h12 = hour % 12 === 0 ? 12 : hour % 12
  return minute === '00' ? `${h12}${suffix}` : `${h12}:${minute}${suffix}`
}

/**
 * When a part (or a whole session, first start to last end) runs:
 * `Tuesday 1 December 2026, 4pm to 5:30pm`, naming the end's date too when it is another day.
 */
export function londonPart(part: { startsAt: Instant; endsAt: Instant }): string {
  const startDate = londonDate(part.startsAt)
  const endDate = londonDate(part.endsAt)
  const end = endDate === startDate ? londonTime(part.endsAt) : `${londonTime(part.endsAt)} on ${endDate}`
  return `${startDate}, ${londonTime(part.startsAt)} to ${end}`
}

/** A moment such as a deadline: `4pm on Tuesday 1 December 2026`. */
export function londonMoment(instant: Instant): string {
  return `${londonTime(instant)} on ${londonDate(instant)}`
}

/** How long a part lasts: `1 hour 30 minutes`, `2 hours`, `45 minutes`. */
export function duration(part: { startsAt: Instant; endsAt: Instant }): string {
  const minutes = Math.round((new Date(part.endsAt).getTime() - new Date(part.startsAt).getTime()) / 60_000)
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  const hours = h === 0 ? '' : `${h} ${h === 1 ? 'hour' : 'hours'}`
  const rest = m === 0 ? '' : `${m} ${m === 1 ? 'minute' : 'minutes'}`
  return [hours, rest].filter(Boolean).join(' ') || '0 minutes'
}

/** The London dates of a session's parts, each once, in words: `Monday 16 March 2026 and Monday 23 March 2026`. */
export function londonDates(parts: readonly { startsAt: Instant }[]): string {
  const dates = [...new Set(parts.map((part) => londonDate(part.startsAt)))]
  return dates.length > 1 ? `${dates.slice(0, -1).join(', ')} and ${dates.at(-1)}` : (dates[0] ?? '')
}
