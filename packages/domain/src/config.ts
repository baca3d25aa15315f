/** Programme-wide booking policy; every duration is in minutes unless its name says days. */
export interface BookingPolicy {
  /** A weekday session starting at or after this London time (HH:mm) is twilight. */
  twilightFrom: string
  /** Bookings close this long before the first part starts (unless a session sets its own). */
  bookingClosesBeforeMinutes: number
  /** Freed places are given automatically until this long before the start; after it they are offered. */
  autoPromotionStopsBeforeMinutes: number
  /** How long an offered place is held for the person it was offered to. */
  offerHoldMinutes: number
  /** A booking's manage links stop working this many days after its session's last part ends. */
  manageLinkDays: number
}

export const DEFAULT_POLICY: BookingPolicy = {
  twilightFrom: '15:30',
  bookingClosesBeforeMinutes: 60,
  autoPromotionStopsBeforeMinutes: 24 * 60,
  offerHoldMinutes: 4 * 60,
  manageLinkDays: 90,
}

export const MINUTE_MS = 60_000
export const DAY_MS = 24 * 60 * MINUTE_MS
