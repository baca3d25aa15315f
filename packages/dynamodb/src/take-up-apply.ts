import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { type LocalAuthorities, RepositoryError, type TakeUpFacts, takeUpFacts } from '@ey/domain'
import * as z from 'zod'
import { batchGet } from './batch-get.ts'
import { bookingItem } from './items.ts'
import { keys } from './keys.ts'
import type { TableAccess } from './query.ts'
import { RetryableConflict, type RetryPolicy, withConflictRetry } from './retry.ts'
import {
  add,
  type Counts,
  MARKER_FIELDS,
  type MarkerChange,
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

/**
 * Brings the aggregates in line with one booking as it is now, exactly once whatever the stream
 * does: reads the booking and what it last added (its contribution, versioned), works out the
 * difference, reads the distinct-count markers it touches, and writes it all in one transaction
 * conditioned on the contribution and every marker being as read. Another writer moving first
 * makes it read again. A replayed, repeated or late record finds the contribution already equal
 * to the booking and writes nothing; a deleted booking takes its contribution away.
 */
export async function applyBooking(
  table: TableAccess,
  las: Pick<LocalAuthorities, 'regionOf'>,
  policy: RetryPolicy,
  bookingId: string,
): Promise<TakeUpApplied> {
  const applied = await withConflictRetry(policy, () => attempt(table, las, policy, bookingId))
  if (applied === undefined) {
    throw new RepositoryError(
      'Take-up aggregates: every attempt met another writer',
      new Error(`${policy.maxAttempts} attempts`),
    )
  }
  return applied
}

async function attempt(
  table: TableAccess,
  las: Pick<LocalAuthorities, 'regionOf'>,
  policy: RetryPolicy,
  bookingId: string,
): Promise<TakeUpApplied> {
  const read = await batchGet(table, [keys.booking(bookingId), keys.takeUpContribution(bookingId)], policy, {
    consistent: true,
  })
  const bookingRow = read.find((row) => row.sk === keys.booking(bookingId).sk)
  const contributionRow = read.find((row) => row.sk === keys.takeUpContribution(bookingId).sk)
  const now = bookingRow ? takeUpFacts(bookingItem.from(bookingRow)) : undefined
  const last = contributionRow ? ContributionSchema.parse(contributionRow) : undefined
  if (sameFacts(last?.facts, now)) return 'unchanged'
  const change = takeUpChange(last?.facts, now, las)
  const markers = [...change.markers.values()]
  const rows = await batchGet(
    table,
    markers.map((marker) => marker.key),
    policy,
    { consistent: true },
  )
  const asRead = new Map(rows.map((row) => [row.pk as string, row]))
  // At most 21 items, far below DynamoDB's 100: the contribution, two days and their months, and
  // for the facts before and after, 3 person markers, 2 setting markers and 3 reach items each.
  const items = [
    contributionWrite(table.tableName, bookingId, last, now),
    ...dayWrites(table.tableName, change),
    ...markerWrites(table.tableName, markers, asRead),
  ]
  // Another writer moved the contribution or a marker since it was read: read again.
  const cancellation = await transact(table.doc, items)
  if (cancellation) throw new RetryableConflict(new Error(cancellation.codes.join(',')))
  return 'applied'
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
