import { LONDON, type SessionPart } from '@ey/domain'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** A London calendar date in words: `Tuesday 1 December 2026`. */
export function londonDate(instant: Date | string): string {
  const p = Object.fromEntries(dateFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]))
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`
}

/** A London clock time as GOV.UK style writes it: `4pm`, `5:30pm`, `midday`, `midnight`. */
export function londonTime(instant: Date | string): string {
  const p = Object.fromEntries(timeFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]))
  const hour = Number(p.hour)
  const minute = p.minute ?? '00'
  if (minute === '00' && hour === 12) return 'midday'
  if (minute === '00' && hour === 0) return 'midnight'
  const suffix = hour < 12 ? 'am' : 'pm'
  const h12 = hour % 12 === 0 ? 12 : hour % 12
  return minute === '00' ? `${h12}${suffix}` : `${h12}:${minute}${suffix}`
}

/** When a part runs: `Tuesday 1 December 2026, 4pm to 5:30pm` (the end's date too if it differs). */
export function londonPart(part: SessionPart): string {
  const startDate = londonDate(part.startsAt)
  const endDate = londonDate(part.endsAt)
  const end = endDate === startDate ? londonTime(part.endsAt) : `${londonTime(part.endsAt)} on ${endDate}`
  return `${startDate}, ${londonTime(part.startsAt)} to ${end}`
}

/** A deadline in words: `4pm on Tuesday 1 December 2026`. */
export function londonMoment(instant: Date | string): string {
  return `${londonTime(instant)} on ${londonDate(instant)}`
}
