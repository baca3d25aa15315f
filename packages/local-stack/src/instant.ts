import { fromLondon } from '@ey/domain'

const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d'
const WITH_OFFSET = new RegExp(
  `^\\d{4}-\\d{2}-\\d{2}T${TIME}(?::[0-5]\\d(?:\\.\\d{1,3})?)?(?:Z|[+-]\\d{2}:\\d{2})$`,
)
const LONDON_WALL_CLOCK = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T(${TIME})(?::([0-5]\\d))?$`)

/** What a command line must be told for a time it cannot read. */
export const INSTANT_FORMATS =
  'an ISO 8601 time such as 2026-03-29T07:00:00Z or 2026-03-29T08:00+01:00, or a London time such as 2026-03-29T08:00'

/**
 * The instant a command line names: ISO 8601 with `Z` or an offset, or, without one, a London
 * wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`). Throws, saying what it accepts, for anything else.
 */
export function parseInstant(text: string): Date {
  const trimmed = text.trim()
  const london = LONDON_WALL_CLOCK.exec(trimmed)
  const instant = london
    ? new Date(fromLondon(london[1] as string, london[2] as string).getTime() + Number(london[3] ?? 0) * 1000)
    : WITH_OFFSET.test(trimmed)
      ? new Date(trimmed)
      : undefined
  // A date that rolls over (31 February) is refused rather than read as another day.
  const date = london?.[1] ?? trimmed.slice(0, 10)
  if (!instant || Number.isNaN(instant.getTime()) || !calendarDate(date)) {
    throw new Error(`"${text}" is not a time: give ${INSTANT_FORMATS}`)
  }
  return instant
}

function calendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const utc = new Date(Date.UTC(y, m - 1, d))
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d
}
