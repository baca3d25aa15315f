import {
  academicYearOf,
  type Booking,
  countSettingsReached,
  type DayRange,
  type SettingFacts,
  type TakeUpCounts,
  type TakeUpReach,
  takeUpFacts,
} from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'

/**
 * Take-up recomputed from scratch from the bookings as they are, by the pure rules alone
 * (`takeUpFacts`, `countSettingsReached`): what the aggregates must equal.
 */
export function expectedCounts(bookings: readonly Booking[], period: DayRange) {
  const england = noCounts()
  const byLa = new Map<string, TakeUpCounts>()
  for (const booking of bookings) {
    const facts = takeUpFacts(booking)
    if (facts.day < period.from || facts.day > period.to) continue
    const la = byLa.get(facts.laCode) ?? noCounts()
    byLa.set(facts.laCode, la)
    for (const into of [england, la]) {
      into.bookings += facts.booked
      into.attended += facts.attended
      into.noShows += facts.noShows
      into.lateCancellations += facts.lateCancellations
      into.waiting += facts.waiting
    }
  }
  for (const [code, counts] of byLa) if (Object.values(counts).every((n) => n === 0)) byLa.delete(code)
  return { england, byLa }
}

/** England's, each region's and each LA's people and settings reached in the academic year of `startYear`. */
export function expectedReach(bookings: readonly Booking[], startYear: number) {
  const inYear = bookings.filter((booking) => {
    const facts = takeUpFacts(booking)
    return facts.person !== undefined && academicYearOf(facts.day).from === `${startYear}-09-01`
  })
  const group = (areaOf: (booking: Booking) => string | undefined) => {
    const areas = new Map<string, Booking[]>()
    for (const booking of inYear) {
      const area = areaOf(booking)
      if (area !== undefined) areas.set(area, [...(areas.get(area) ?? []), booking])
    }
    return new Map([...areas].map(([area, booked]) => [area, reachOf(booked)]))
  }
  return {
    england: reachOf(inYear),
    byRegion: group((booking) => localAuthorities.regionOf(booking.person.laCode)),
    byLa: group((booking) => booking.person.laCode),
  }
}

function reachOf(booked: readonly Booking[]): TakeUpReach {
  const people = (kind?: string) =>
    new Set(
      booked
        .map((booking) => takeUpFacts(booking).person)
        .filter((person) => person !== undefined && (kind === undefined || person.kind === kind))
        .map((person) => person?.key),
    ).size
  return {
    people: people(),
    peopleByKind: {
      practitioner: people('practitioner'),
      'parent-or-carer': people('parent-or-carer'),
      other: people('other'),
    },
    settings: countSettingsReached(booked.map((booking): SettingFacts => booking.person)),
  }
}

function noCounts(): TakeUpCounts {
  return { bookings: 0, attended: 0, noShows: 0, lateCancellations: 0, waiting: 0 }
}
