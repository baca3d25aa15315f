import {
  addDays,
  type DayRange,
  type LocalAuthorities,
  type TakeUpCounts,
  type TakeUpReach,
  type TakeUpStats,
} from '@ey/domain'
import { keys, takeUpAreaOf } from './keys.ts'
import { queryAll, type TableAccess } from './query.ts'
import type { RetryPolicy } from './retry.ts'
import { applyBooking, applyBookings, type TakeUpApplied, type TakeUpAppliedCounts } from './take-up-apply.ts'
import { DAY_FIELDS, ROLE_KINDS } from './take-up-changes.ts'

type Item = Record<string, unknown>

/** The take-up aggregates on DynamoDB: read by the reports, kept up to date from the table's stream. */
export interface DynamoTakeUpStats extends TakeUpStats {
  /** Brings the aggregates in line with the booking as it is now (see `applyBooking`). */
  applyBooking(bookingId: string): Promise<TakeUpApplied>
  /** Brings the aggregates in line with these bookings as they are now, in few transactions (see `applyBookings`). */
  applyBookings(bookingIds: readonly string[]): Promise<TakeUpAppliedCounts>
}

/**
 * Retries of bookings' changes while other writers win the same counters: generous, as the stream
 * would otherwise retry the whole batch.
 */
export const TAKE_UP_RETRY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 20 }

/**
 * Take-up of whole areas from a bounded number of items, however many bookings England has: day
 * items `TAKEUP_DAY#<yyyy-mm>` / `<yyyy-mm-dd>` (England's counts, and each LA's as
 * `<count>_<LA code>`) and month items `TAKEUP_MONTH#<yyyy>` / `<yyyy-mm>` (the same, summed over
 * the month), read as the months the period covers whole and the days of the months it covers in
 * part; and reach items `TAKEUP_REACH#<year>` / `ENGLAND`, `REGION#<code>`, `LA#<code>`, read in
 * one Query per academic year.
 */
export function createDynamoTakeUpStats(
  table: TableAccess,
  las: Pick<LocalAuthorities, 'regionOf'>,
  policy: RetryPolicy = TAKE_UP_RETRY,
): DynamoTakeUpStats {
  return {
    async counts(period) {
      const { partial, whole } = monthsOf(period)
      const read = await Promise.all([
        ...partial.map((month) =>
          queryAll(table, {
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': keys.takeUpDayPk(month),
              ':from': period.from,
              ':to': period.to,
            },
          }),
        ),
        ...yearsOf(whole).map(([year, first, last]) =>
          queryAll(table, {
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': keys.takeUpMonthPk(year), ':from': first, ':to': last },
          }),
        ),
      ])
      return sumDays(read.flat())
    },

    async reach(startYear) {
      const items = await queryAll(table, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.takeUpReachPk(startYear) },
      })
      return reachOfAreas(items, las)
    },

    applyBooking: (bookingId) => applyBooking(table, las, policy, bookingId),
    applyBookings: (bookingIds) => applyBookings(table, las, policy, bookingIds),
  }
}

/**
 * The months (`yyyy-mm`) the period has days in: those it covers whole, read as month items, and
 * the first and last when it covers them in part, read day by day.
 */
function monthsOf(period: DayRange): { partial: string[]; whole: string[] } {
  const partial: string[] = []
  const whole: string[] = []
  for (let first = `${period.from.slice(0, 7)}-01`; first <= period.to; ) {
    const next = addDays(first, 32).slice(0, 7)
    const last = addDays(`${next}-01`, -1)
    const month = first.slice(0, 7)
    if (period.from <= first && last <= period.to) whole.push(month)
    else partial.push(month)
    first = `${next}-01`
  }
  return { partial, whole }
}

/** Consecutive months grouped by calendar year: each year's partition, with its first and last month. */
function yearsOf(months: string[]): [string, string, string][] {
  const years = new Map<string, [string, string, string]>()
  for (const month of months) {
    const year = month.slice(0, 4)
    const known = years.get(year)
    years.set(year, [year, known?.[1] ?? month, month])
  }
  return [...years.values()]
}

const noCounts = (): TakeUpCounts => ({
  bookings: 0,
  attended: 0,
  noShows: 0,
  lateCancellations: 0,
  waiting: 0,
})

const DAY_FIELD_SET: ReadonlySet<string> = new Set(DAY_FIELDS)

function sumDays(days: Item[]): { england: TakeUpCounts; byLa: Map<string, TakeUpCounts> } {
  const england = noCounts()
  const byLa = new Map<string, TakeUpCounts>()
  for (const day of days) {
    for (const [name, value] of Object.entries(day)) {
      const [field, laCode] = name.split('_') as [keyof TakeUpCounts, string | undefined]
      if (typeof value !== 'number' || !DAY_FIELD_SET.has(field)) continue
      let into = england
      if (laCode !== undefined) {
        into = byLa.get(laCode) ?? noCounts()
        byLa.set(laCode, into)
      }
      into[field] += value
    }
  }
  for (const [laCode, counts] of byLa) if (Object.values(counts).every((n) => n === 0)) byLa.delete(laCode)
  return { england, byLa }
}

const noReach = (): TakeUpReach => ({
  people: 0,
  peopleByKind: { practitioner: 0, 'parent-or-carer': 0, other: 0 },
  settings: 0,
})

function reachOf(item: Item): TakeUpReach {
  const count = (field: string) => Number(item[field] ?? 0)
  return {
    people: count('people'),
    peopleByKind: {
      practitioner: count('practitioner'),
      'parent-or-carer': count('parent-or-carer'),
      other: count('other'),
    },
    settings: count('settings'),
  }
}

/**
 * England's, each region's and each LA's reach. Settings are counted within each LA, so a region's
 * and England's are the sums of their LAs'.
 */
function reachOfAreas(items: Item[], las: Pick<LocalAuthorities, 'regionOf'>) {
  let england = noReach()
  const byRegion = new Map<string, TakeUpReach>()
  const byLa = new Map<string, TakeUpReach>()
  for (const item of items) {
    const area = takeUpAreaOf(String(item.sk))
    // Only LA items count settings; regions and England add theirs up below.
    if (area?.kind === 'england') england = { ...reachOf(item), settings: 0 }
    else if (area?.kind === 'region') byRegion.set(area.code, { ...reachOf(item), settings: 0 })
    else if (area?.kind === 'la') byLa.set(area.code, reachOf(item))
  }
  for (const [laCode, reach] of byLa) {
    england.settings += reach.settings
    const region = las.regionOf(laCode)
    if (region === undefined) continue
    const inRegion = byRegion.get(region) ?? noReach()
    byRegion.set(region, inRegion)
    inRegion.settings += reach.settings
  }
  return { england, byRegion: withoutEmpty(byRegion), byLa: withoutEmpty(byLa) }
}

function withoutEmpty(areas: Map<string, TakeUpReach>): Map<string, TakeUpReach> {
  const reached = (reach: TakeUpReach) =>
    reach.people > 0 || reach.settings > 0 || ROLE_KINDS.some((kind) => reach.peopleByKind[kind] > 0)
  return new Map([...areas].filter(([, reach]) => reached(reach)))
}
