import type { DayRange, RoleKind } from './rules/take-up.ts'
import type { Booking } from './schemas/booking.ts'

/** Counts of places booked and what became of them, and of demand, summed over days. */
export interface TakeUpCounts {
  bookings: number
  attended: number
  noShows: number
  lateCancellations: number
  waiting: number
}

/** Different people and settings reached in an academic year: people also by kind of role. */
export interface TakeUpReach {
  people: number
  peopleByKind: Record<RoleKind, number>
  settings: number
}

/**
 * Take-up of whole areas from the aggregates kept up to date from the table's stream, so that a
 * region's or England's figures cost the same however many bookings England has: counts per
 * London day (any period adds them up), and people and settings per academic year (a distinct
 * count cannot be added up across days).
 */
export interface TakeUpStats {
  /** The counts over the period: England's, and each LA's that has any. */
  counts(period: DayRange): Promise<{ england: TakeUpCounts; byLa: Map<string, TakeUpCounts> }>
  /** People and settings reached in the academic year starting on 1 September of `startYear`. */
  reach(startYear: number): Promise<{
    england: TakeUpReach
    byRegion: Map<string, TakeUpReach>
    byLa: Map<string, TakeUpReach>
  }>
}

/** An LA's own bookings, read from the LA's index (never the rest of England's). */
export interface LaBookings {
  /**
   * The LA's bookings (any status) of sessions starting on the period's London days, in start
   * order, a page at a time: a caller that streams holds one page, and leaving the loop stops the reads.
   */
  pages(laCode: string, period: DayRange): AsyncIterable<Booking[]>
  /**
   * The same bookings as they are now, read from the table itself (strongly consistent), in the
   * order given; a booking no longer held is left out. The index `pages` reads may lag a change
   * made a moment ago: what must not lag (a withdrawn agreement) is checked here.
   */
  current(bookings: Booking[]): Promise<Booking[]>
}
