import { DomainError, type FieldError } from '../errors.ts'
import type { Booking, BookingStatus, Role } from '../schemas/booking.ts'
import { addDays, londonParts } from '../time.ts'
import { isPseudonym, pseudonym } from './pseudonyms.ts'
import { QUERY_BOUNDS } from './query-bounds.ts'
import { normaliseSettingName } from './settings-reached.ts'

/**
 * What take-up figures count, in one place for the LA dashboard, its downloads, the aggregates
 * kept from the stream and the national dashboard, so that the same booking counts the same way
 * in each. A booking belongs to the London day its session starts on.
 */

/** A place booked: held now, attended, missed, or cancelled too late to be given to anyone else. */
const BOOKED: ReadonlySet<BookingStatus> = new Set(['confirmed', 'attended', 'no-show', 'late-cancelled'])
/** Demand not met (yet): on the waiting list, or offered a place not yet taken. */
const WAITING: ReadonlySet<BookingStatus> = new Set(['waiting', 'offered'])

/** Whether a booking in this state counts as a place booked (a place given back in time does not). */
export function countsAsBooked(status: BookingStatus): boolean {
  return BOOKED.has(status)
}

/** Whether a booking in this state is demand the sessions did not meet: waiting, or offered a place. */
export function isWaitingDemand(status: BookingStatus): boolean {
  return WAITING.has(status)
}

/** The kinds of people the programme reports its reach by. */
export type RoleKind = 'practitioner' | 'parent-or-carer' | 'other'

/** The kind of person a role is: parents and carers, `other`, and everyone else the programmes train. */
export function roleKind(role: Role): RoleKind {
  if (role === 'parent-or-carer') return 'parent-or-carer'
  return role === 'other' ? 'other' : 'practitioner'
}

/** What a booking adds to take-up figures: each count 0 or 1, with who and which setting. */
export interface TakeUpFacts {
  laCode: string
  /** The London day (YYYY-MM-DD) the session starts on. */
  day: string
  courseId: string
  booked: number
  attended: number
  noShows: number
  lateCancellations: number
  waiting: number
  /** The person, by their normalised email (its pseudonym once erased), and their kind; only for a place booked. */
  person?: { key: string; kind: RoleKind }
  /**
   * The setting: normalised name and URN when given (their pseudonyms once erased); only for a
   * place booked, never a home.
   */
  setting?: { name: string; urn?: string }
}

/** The facts of one booking as it is now. */
export function takeUpFacts(booking: Booking): TakeUpFacts {
  const { status, person } = booking
  const booked = countsAsBooked(status)
  const start = booking.session.parts[0]?.startsAt ?? booking.createdAt
  return {
    laCode: person.laCode,
    day: londonParts(new Date(start)).date,
    courseId: booking.session.courseId,
    booked: booked ? 1 : 0,
    attended: status === 'attended' ? 1 : 0,
    noShows: status === 'no-show' ? 1 : 0,
    lateCancellations: status === 'late-cancelled' ? 1 : 0,
    waiting: isWaitingDemand(status) ? 1 : 0,
    ...(booked ? { person: { key: booking.emailKey, kind: roleKind(person.role) } } : {}),
    ...(booked && person.settingType !== 'home'
      ? {
          setting: {
            name: isPseudonym(person.settingName)
              ? person.settingName
              : normaliseSettingName(person.settingName),
            ...(person.ofstedUrn ? { urn: person.ofstedUrn } : {}),
          },
        }
      : {}),
  }
}

/**
 * The facts with the person, setting name and URN as pseudonyms (`anon:` and the SHA-256 of
 * the normalised text, see `rules/retention.ts`), as an erased booking holds them: counting
 * distinct people and settings over these counts an erased booking and a kept one of the same
 * person or setting once.
 */
export function pseudonymousFacts(facts: TakeUpFacts): TakeUpFacts {
  const { person, setting } = facts
  const hashed = (text: string) => (isPseudonym(text) ? text : pseudonym(text))
  return {
    ...facts,
    ...(person ? { person: { ...person, key: hashed(person.key) } } : {}),
    ...(setting
      ? {
          setting: {
            name: isPseudonym(setting.name) ? setting.name : pseudonym(`name:${setting.name}`),
            ...(setting.urn
              ? { urn: isPseudonym(setting.urn) ? setting.urn : pseudonym(`urn:${setting.urn}`) }
              : {}),
          },
        }
      : {}),
  }
}

/** A period of London days, both included (YYYY-MM-DD). */
export interface DayRange {
  from: string
  to: string
}

/** The longest period a report covers: ten academic years (`QUERY_BOUNDS.reportDays`). */
export const MAX_PERIOD_DAYS = QUERY_BOUNDS.reportDays

/** The academic year (1 September to 31 August) a London day falls in. */
export function academicYearOf(day: string): DayRange {
  const year = Number(day.slice(0, 4))
  const start = day.slice(5) >= '09-01' ? year : year - 1
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` }
}

/**
 * The period a report asks for: the days given, each missing one taken from the academic year of
 * the day that was given (of today, when neither was). Throws `invalid-period` naming the field
 * `to` when the last day is before the first, or the period is longer than `MAX_PERIOD_DAYS`: each
 * day is a date, but the two do not make a period.
 */
export function reportPeriod(asked: Partial<DayRange>, now: Date): DayRange {
  const year = academicYearOf(asked.from ?? asked.to ?? londonParts(now).date)
  const period = { from: asked.from ?? year.from, to: asked.to ?? year.to }
  if (period.to < period.from) throw invalidPeriod('The last day must be on or after the first day')
  if (addDays(period.from, MAX_PERIOD_DAYS) <= period.to)
    throw invalidPeriod('Choose a period of at most ten years')
  return period
}

function invalidPeriod(message: string): DomainError {
  const fieldErrors: FieldError[] = [{ field: 'to', message }]
  return new DomainError('invalid-period', 'Check the dates of the period.', { fieldErrors })
}
