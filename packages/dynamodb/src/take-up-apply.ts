import { type LocalAuthorities, RepositoryError, type TakeUpFacts, takeUpFacts } from '@ey/domain'
import * as z from 'zod'
import { batchGet } from './batch-get.ts'
import type { TransactWriteCommandInput } from './client/index.ts'
import { bookingItem } from './items.ts'
import { keys } from './keys.ts'
import type { TableAccess } from './query.ts'
import { RetryableConflict, type RetryPolicy, withConflictRetry } from './retry.ts'
import {
  add,
  type Counts,
  MARKER_FIELDS,
  type MarkerChange,
  mergeTakeUpChanges,
  reachOf,
  type TakeUpChange,
  takeUpChange,
} from './take-up-changes.ts'
import { transact } from './transactions.ts'

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]
type Item = Record<string, unknown>

/** What applying a booking did: changed the aggregates, or found them already up to date. */
export type TakeUpApplied = 'applied' | 'unchanged'

const Count = z.union([z.literal(0), z.literal(1)])

/** The facts a booking last added to the aggregates, as its contribution item holds them. */
const ContributionSchema = z.object({
  version: z.number().int().positive(),
  facts: z.object({
    laCode: z.string(),
    day: z.iso.date(),
    courseId: z.string(),
    booked: Count,
    attended: Count,
    noShows: Count,
    lateCancellations: Count,
    waiting: Count,
    person: z
      .object({ key: z.string(), kind: z.enum(['practitioner', 'parent-or-carer', 'other']) })
      .optional(),
    setting: z.object({ name: z.string(), urn: z.string().optional() }).optional(),
  }),
})
type Contribution = z.infer<typeof ContributionSchema>

/** DynamoDB's limit on the items of one transaction. */
const TRANSACTION_LIMIT = 100

/** What applying bookings did: how many changed the aggregates, and how many found them up to date. */
export interface TakeUpAppliedCounts {
  applied: number
  unchanged: number
}

/**
 * Brings the aggregates in line with one booking as it is now, exactly once whatever the stream
 * does (see `applyBookings`).
 */
export async function applyBooking(
  table: TableAccess,
  las: Pick<LocalAuthorities, 'regionOf'>,
  policy: RetryPolicy,
  bookingId: string,
): Promise<TakeUpApplied> {
  const { applied } = await applyBookings(table, las, policy, [bookingId])
  return applied > 0 ? 'applied' : 'unchanged'
}

/**
 * Brings the aggregates in line with these bookings as they are now, exactly once whatever the
 * stream does: reads each booking and what it last added (its contribution, versioned), works out
 * the differences, and writes them in as few transactions as DynamoDB's 100 items allow. The
 * bookings of one transaction share its day, month and reach items (each written once, their
 * changes summed), which is what makes a stream batch cheap: those few items are the ones every
 * booking touches. Each transaction is conditioned on every contribution and distinct-count marker
 * being as read; another writer moving first makes the whole call read again, and bookings already
 * written then find their contribution up to date. A replayed, repeated or late record writes
 * nothing; a deleted booking takes its contribution away.
 */
export async function applyBookings(
  table: TableAccess,
  las: Pick<LocalAuthorities, 'regionOf'>,
  policy: RetryPolicy,
  bookingIds: readonly string[],
): Promise<TakeUpAppliedCounts> {
  const ids = [...new Set(bookingIds)]
  const applied = new Set<string>()
  const done = await withConflictRetry(policy, () => attempt(table, las, policy, ids, applied))
  if (done === undefined) {
    throw new RepositoryError(
      'Take-up aggregates: every attempt met another writer',
      new Error(`${policy.maxAttempts} attempts`),
    )
  }
  return { applied: applied.size, unchanged: ids.length - applied.size }
}

/** A booking whose facts differ from what it last added. */
interface Pending {
  bookingId: string
  last: Contribution | undefined
  now: TakeUpFacts | undefined
  change: TakeUpChange
}

async function attempt(
  table: TableAccess,
  las: Pick<LocalAuthorities, 'regionOf'>,
  policy: RetryPolicy,
  ids: string[],
  applied: Set<string>,
): Promise<true> {
  const wanted = ids.flatMap((id) => [keys.booking(id), keys.takeUpContribution(id)])
  const read = new Map(
    (await batchGet(table, wanted, policy, { consistent: true })).map((row) => [`${row.pk}|${row.sk}`, row]),
  )
  const rowOf = (key: { pk: string; sk: string }) => read.get(`${key.pk}|${key.sk}`)
  const pending: Pending[] = []
  for (const bookingId of ids) {
    const bookingRow = rowOf(keys.booking(bookingId))
    const contributionRow = rowOf(keys.takeUpContribution(bookingId))
    const now = bookingRow ? takeUpFacts(bookingItem.from(bookingRow)) : undefined
    const last = contributionRow ? ContributionSchema.parse(contributionRow) : undefined
    if (sameFacts(last?.facts, now)) continue
    pending.push({ bookingId, last, now, change: takeUpChange(last?.facts, now, las) })
  }
  for (const group of transactionGroups(pending)) {
    const change = mergeTakeUpChanges(group.map((booking) => booking.change))
    const markers = [...change.markers.values()]
    const rows = await batchGet(
      table,
      markers.map((marker) => marker.key),
      policy,
      { consistent: true },
    )
    const asRead = new Map(rows.map((row) => [row.pk as string, row]))
    const items = [
      ...group.map((booking) =>
        contributionWrite(table.tableName, booking.bookingId, booking.last, booking.now),
      ),
      ...dayWrites(table.tableName, change),
      ...markerWrites(table.tableName, markers, asRead),
    ]
    // Another writer moved a contribution or a marker since it was read: read again.
    const cancellation = await transact(table.doc, items)
    if (cancellation) throw new RetryableConflict(new Error(cancellation.codes.join(',')))
    for (const booking of group) applied.add(booking.bookingId)
  }
  return true
}

/**
 * The bookings in groups whose transaction stays within DynamoDB's 100 items: a contribution each,
 * and the day, month, marker and reach items of the group counted once. One booking alone needs at
 * most 21: the contribution, two days and their months, and for the facts before and after, 3
 * person markers, 2 setting markers and 3 reach items each.
 */
function transactionGroups(pending: Pending[]): Pending[][] {
  const groups: Pending[][] = []
  let group: Pending[] = []
  let shared = new Set<string>()
  for (const booking of pending) {
    const mine = sharedItemsOf(booking.change)
    const together = new Set([...shared, ...mine])
    if (group.length > 0 && group.length + 1 + together.size > TRANSACTION_LIMIT) {
      groups.push(group)
      group = []
      shared = mine
    } else {
      shared = together
    }
    group.push(booking)
  }
  if (group.length > 0) groups.push(group)
  return groups
}

/** The items other than its contribution that a change may write (a reach item only if a distinct count moves). */
function sharedItemsOf(change: TakeUpChange): Set<string> {
  return new Set([
    ...[...change.days.keys()].map((day) => `day|${day}`),
    ...[...change.months.keys()].map((month) => `month|${month}`),
    ...[...change.markers.values()].flatMap((marker) => [
      `marker|${marker.key.pk}`,
      `reach|${marker.reach.pk}|${marker.reach.sk}`,
    ]),
  ])
}

/** Whether two sets of facts count the same (the order of a stored map's fields is not kept). */
function sameFacts(a: TakeUpFacts | undefined, b: TakeUpFacts | undefined): boolean {
  if (!a || !b) return a === b
  return (
    a.laCode === b.laCode &&
    a.day === b.day &&
    a.courseId === b.courseId &&
    a.booked === b.booked &&
    a.attended === b.attended &&
    a.noShows === b.noShows &&
    a.lateCancellations === b.lateCancellations &&
    a.waiting === b.waiting &&
    a.person?.key === b.person?.key &&
    a.person?.kind === b.person?.kind &&
    a.setting?.name === b.setting?.name &&
    a.setting?.urn === b.setting?.urn
  )
}

/** The contribution's new facts (or its removal with the booking), if it is still the version read. */
function contributionWrite(
  tableName: string,
  bookingId: string,
  last: Contribution | undefined,
  now: TakeUpFacts | undefined,
): TransactItem {
  const key = keys.takeUpContribution(bookingId)
  const asRead = ifAsRead(last?.version)
  if (!now) return { Delete: { TableName: tableName, Key: key, ...asRead } }
  const version = (last?.version ?? 0) + 1
  return { Put: { TableName: tableName, Item: { ...key, type: 'take-up', version, facts: now }, ...asRead } }
}

/** The condition that an item is as read: absent, or at the version read. */
function ifAsRead(version: number | undefined) {
  return version === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': version },
      }
}

function dayWrites(tableName: string, change: TakeUpChange): TransactItem[] {
  return [
    ...[...change.days].map(([day, delta]) => addTo(tableName, keys.takeUpDay(day), delta)),
    ...[...change.months].map(([month, delta]) => addTo(tableName, keys.takeUpMonth(month), delta)),
  ]
}

/**
 * Each marker's new counts (removed once all are 0), and what its area's reach gains or loses:
 * a distinct count moves only when a marker's count goes between 0 and more.
 */
function markerWrites(tableName: string, markers: MarkerChange[], asRead: Map<string, Item>): TransactItem[] {
  const writes: TransactItem[] = []
  const reach = new Map<string, { key: { pk: string; sk: string }; delta: Counts }>()
  for (const marker of markers) {
    const row = asRead.get(marker.key.pk)
    const before = countsOf(row, MARKER_FIELDS[marker.rule])
    const after = { ...before }
    for (const [field, n] of Object.entries(marker.delta)) add(after, field, n)
    const version = row ? Number(row.version) : undefined
    const condition = ifAsRead(version)
    if (Object.values(after).every((n) => n === 0)) {
      writes.push({ Delete: { TableName: tableName, Key: marker.key, ...condition } })
    } else {
      const item = { ...marker.key, type: `take-up-${marker.rule}`, version: (version ?? 0) + 1, ...after }
      writes.push({ Put: { TableName: tableName, Item: item, ...condition } })
    }
    const was = reachOf(marker.rule, before)
    const is = reachOf(marker.rule, after)
    const areaId = `${marker.reach.pk}|${marker.reach.sk}`
    const area = reach.get(areaId) ?? { key: marker.reach, delta: {} }
    reach.set(areaId, area)
    for (const field of Object.keys(is)) add(area.delta, field, (is[field] ?? 0) - (was[field] ?? 0))
  }
  for (const { key, delta } of reach.values()) {
    const moved = Object.fromEntries(Object.entries(delta).filter(([, n]) => n !== 0))
    if (Object.keys(moved).length > 0) writes.push(addTo(tableName, key, moved))
  }
  return writes
}

function countsOf(row: Item | undefined, fields: readonly string[]): Counts {
  return Object.fromEntries(fields.map((field) => [field, Number(row?.[field] ?? 0)]))
}

/** An update that adds each named number to the item, creating it if need be. */
function addTo(tableName: string, key: { pk: string; sk: string }, delta: Counts): TransactItem {
  const entries = Object.entries(delta)
  return {
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: `ADD ${entries.map((_, i) => `#n${i} :n${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#n${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, n], i) => [`:n${i}`, n])),
    },
  }
}
