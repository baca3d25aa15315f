import type { DayRange } from './rules/take-up.ts'

/** Take-up counts of an area over a period: places booked and what became of them, people, settings. */
export interface TakeUpCounts {
  bookings: number
  attended: number
  noShows: number
  lateCancellations: number
  people: number
  settings: number
}

/**
 * Take-up of whole areas from the aggregates kept up to date from the table's stream, so that a
 * region's or England's figures cost the same however many bookings England has.
 */
export interface TakeUpStats {
  /** The counts of the LAs named (all of England when absent) over the period. */
  areaTotals(period: DayRange, laCodes?: readonly string[]): Promise<TakeUpCounts>
}
