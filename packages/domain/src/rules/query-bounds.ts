import { DAY_MS } from '../config.ts'
import { DomainError } from '../errors.ts'

/**
 * How much one request may ask for, in one place: what a list reads grows with its range (the
 * schedule is one Query per month) and its page size, so both are capped. A request beyond a cap
 * answers `beyond-bounds` (422) naming the field, before anything is read.
 */
export const QUERY_BOUNDS = {
  /** The largest page of any paged list (`limit`). */
  pageSize: 100,
  /** `GET /api/sessions`: starts in [from, to) spanning at most this many days (one Query per calendar month touched: at most 15). */
  sessionSearchDays: 400,
  /**
   * `GET /api/admin/sessions`: starts in [from, to) spanning at most this many days (at most 16
   * monthly Queries; the default range is 31 days back and 400 ahead).
   */
  adminSessionDays: 450,
  /**
   * `GET /api/trainer/sessions`: starts in [from, to) spanning at most this many days (one Query of
   * the trainer's index; the default range is 365 days back and 400 ahead).
   */
  trainerSessionDays: 800,
  /** Reports (LA summary and downloads, national, audit): London days from–to, both in, ten years. */
  reportDays: 3653,
} as const

/**
 * Throws `beyond-bounds` naming `field` when [from, to) spans more than `maxDays` days: the
 * caller checks before it reads anything.
 */
export function assertRangeWithin(range: { from: Date; to: Date }, maxDays: number, field = 'to'): void {
  if (range.to.getTime() - range.from.getTime() > maxDays * DAY_MS) {
    throw new DomainError('beyond-bounds', `Ask for ${maxDays} days or fewer at a time.`, {
      fieldErrors: [{ field, message: `Choose a range of at most ${maxDays} days` }],
    })
  }
}

/** Throws `beyond-bounds` naming `field` when a page of more than `QUERY_BOUNDS.pageSize` is asked for. */
export function assertPageWithin(limit: number, field = 'limit'): void {
  if (limit > QUERY_BOUNDS.pageSize) {
    throw new DomainError('beyond-bounds', `Ask for ${QUERY_BOUNDS.pageSize} items or fewer a page.`, {
      fieldErrors: [{ field, message: `Choose a page size of at most ${QUERY_BOUNDS.pageSize}` }],
    })
  }
}
