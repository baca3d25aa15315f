import { LONDON } from './zone.ts'

/** A London date-time format, English (GB), made on first use. */
export interface LondonFormat {
  formatToParts(instant: Date): Intl.DateTimeFormatPart[]
}

/**
 * A format of instants in London with these options. The first `Intl.DateTimeFormat` a process makes
 * with a time zone costs about 14 ms (Node 24): made on first use, so a function's cold start pays it
 * only when its first event writes a date, not when the module is imported.
 */
export function londonFormat(options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): LondonFormat {
  let format: Intl.DateTimeFormat | undefined
  return {
    formatToParts(instant) {
      format ??= new Intl.DateTimeFormat('en-GB', { ...options, timeZone: LONDON })
      return format.formatToParts(instant)
    },
  }
}
