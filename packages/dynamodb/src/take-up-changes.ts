import { academicYearOf, type LocalAuthorities, type RoleKind, type TakeUpFacts } from '@ey/domain'
import { keys, type TakeUpArea } from './keys.ts'

/** Named numbers of one item: counts, or the changes to add to them. */
export type Counts = Record<string, number>

type Key = { pk: string; sk: string }

/** The counts of a day item, England's by these names and each LA's as `<name>_<LA code>`. */
export const DAY_FIELDS = ['bookings', 'attended', 'noShows', 'lateCancellations', 'waiting'] as const

/** The kinds of people, each a count of the reach items and of the person markers. */
export const ROLE_KINDS = ['practitioner', 'parent-or-carer', 'other'] as const satisfies readonly RoleKind[]

/**
 * What a marker counts, and so what it adds to its area's reach: a person marker counts the
 * person's places booked in the area (and of each kind they booked as); a URN marker the places
 * naming that URN; a name marker the places naming that setting with a URN and without one. A
 * name given without a URN is a setting of its own only while nobody in the LA gave it with one,
 * as `countSettingsReached` counts.
 */
export type MarkerRule = 'person' | 'urn' | 'name'

/** The counts each rule's markers hold. */
export const MARKER_FIELDS: Record<MarkerRule, readonly string[]> = {
  person: ['bookings', ...ROLE_KINDS],
  urn: ['bookings'],
  name: ['withUrn', 'withoutUrn'],
}

const one = (yes: boolean) => (yes ? 1 : 0)
const positive = (values: Counts, field: string) => one((values[field] ?? 0) > 0)

/** What a marker holding these counts adds to its area's reach item. */
export function reachOf(rule: MarkerRule, values: Counts): Counts {
  switch (rule) {
    case 'person':
      return {
        people: positive(values, 'bookings'),
        ...Object.fromEntries(ROLE_KINDS.map((kind) => [kind, positive(values, kind)])),
      }
    case 'urn':
      return { settings: positive(values, 'bookings') }
    case 'name':
      return { settings: one((values.withoutUrn ?? 0) > 0 && (values.withUrn ?? 0) === 0) }
  }
}

/** The change to one marker, and the reach item its distinct count belongs to. */
export interface MarkerChange {
  key: Key
  rule: MarkerRule
  reach: Key
  delta: Counts
}

/** The changes that replacing a booking's facts last applied with its facts now makes. */
export interface TakeUpChange {
  /** What to add to each day item, by day. */
  days: Map<string, Counts>
  /** What to add to each month item (the sum of its days), by month. */
  months: Map<string, Counts>
  /** What to add to each marker, by its partition key. */
  markers: Map<string, MarkerChange>
}

/** What to take away for the facts last applied (`before`) and add for the facts now (`after`); zeros left out. */
export function takeUpChange(
  before: TakeUpFacts | undefined,
  after: TakeUpFacts | undefined,
  las: Pick<LocalAuthorities, 'regionOf'>,
): TakeUpChange {
  const change: TakeUpChange = { days: new Map(), months: new Map(), markers: new Map() }
  for (const [facts, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!facts) continue
    addDay(change.days, facts, sign)
    addMarkers(change.markers, facts, sign, las)
  }
  for (const [day, counts] of change.days) addAll(countsOf(change.months, day.slice(0, 7)), counts)
  return withoutZeros(change)
}

/**
 * The one change that makes all of these at once: what they add to each day, month and marker
 * summed (each item once, as a transaction must name it), zeros left out. Applying it moves every
 * count, and every distinct count, as applying them one after another would.
 */
export function mergeTakeUpChanges(changes: Iterable<TakeUpChange>): TakeUpChange {
  const merged: TakeUpChange = { days: new Map(), months: new Map(), markers: new Map() }
  for (const change of changes) {
    for (const [day, counts] of change.days) addAll(countsOf(merged.days, day), counts)
    for (const [month, counts] of change.months) addAll(countsOf(merged.months, month), counts)
    for (const marker of change.markers.values()) {
      mark(merged.markers, marker.key, marker.rule, marker.reach, marker.delta)
    }
  }
  return withoutZeros(merged)
}

function withoutZeros(change: TakeUpChange): TakeUpChange {
  for (const [day, counts] of change.days) if (dropZeros(counts)) change.days.delete(day)
  for (const [month, counts] of change.months) if (dropZeros(counts)) change.months.delete(month)
  for (const [pk, marker] of change.markers) if (dropZeros(marker.delta)) change.markers.delete(pk)
  return change
}

/** The counts kept under `name`, made empty the first time. */
function countsOf(counts: Map<string, Counts>, name: string): Counts {
  const found = counts.get(name) ?? {}
  counts.set(name, found)
  return found
}

function addAll(counts: Counts, delta: Counts): void {
  for (const [field, n] of Object.entries(delta)) add(counts, field, n)
}

function addDay(days: Map<string, Counts>, facts: TakeUpFacts, sign: number): void {
  const counts = countsOf(days, facts.day)
  const values: Record<(typeof DAY_FIELDS)[number], number> = {
    bookings: facts.booked,
    attended: facts.attended,
    noShows: facts.noShows,
    lateCancellations: facts.lateCancellations,
    waiting: facts.waiting,
  }
  for (const field of DAY_FIELDS) {
    add(counts, field, sign * values[field])
    add(counts, `${field}_${facts.laCode}`, sign * values[field])
  }
}

function addMarkers(
  markers: Map<string, MarkerChange>,
  facts: TakeUpFacts,
  sign: number,
  las: Pick<LocalAuthorities, 'regionOf'>,
): void {
  if (!facts.person) return
  const year = Number(academicYearOf(facts.day).from.slice(0, 4))
  const la: TakeUpArea = { kind: 'la', code: facts.laCode }
  const region = las.regionOf(facts.laCode)
  const areas: TakeUpArea[] = [
    { kind: 'england' },
    ...(region ? [{ kind: 'region', code: region } as const] : []),
    la,
  ]
  const { key: person, kind } = facts.person
  for (const area of areas) {
    const reach = keys.takeUpReach(year, area)
    mark(markers, keys.takeUpPerson(year, area, person), 'person', reach, { bookings: sign, [kind]: sign })
  }
  const { setting } = facts
  if (!setting) return
  const reach = keys.takeUpReach(year, la)
  const name = keys.takeUpSetting(year, facts.laCode, `name:${setting.name}`)
  if (setting.urn) {
    mark(markers, keys.takeUpSetting(year, facts.laCode, `urn:${setting.urn}`), 'urn', reach, {
      bookings: sign,
    })
    mark(markers, name, 'name', reach, { withUrn: sign })
  } else {
    mark(markers, name, 'name', reach, { withoutUrn: sign })
  }
}

function mark(
  markers: Map<string, MarkerChange>,
  key: Key,
  rule: MarkerRule,
  reach: Key,
  delta: Counts,
): void {
  const marker = markers.get(key.pk) ?? { key, rule, reach, delta: {} }
  markers.set(key.pk, marker)
  addAll(marker.delta, delta)
}

/** Adds `n` to a named count. */
export function add(counts: Counts, field: string, n: number): void {
  counts[field] = (counts[field] ?? 0) + n
}

/** Removes the zero counts; answers whether none is left. */
function dropZeros(counts: Counts): boolean {
  for (const [field, n] of Object.entries(counts)) if (n === 0) delete counts[field]
  return Object.keys(counts).length === 0
}
