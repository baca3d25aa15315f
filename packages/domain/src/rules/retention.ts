import type { Booking, Person } from '../schemas/booking.ts'
import type { QuestionnaireResponse, QuestionnaireTemplate } from '../schemas/questionnaire.ts'
import { isPseudonym, pseudonym } from './pseudonyms.ts'
import { normaliseSettingName } from './settings-reached.ts'

/** Months personal data of a booking is kept after its session's last part ends, unless configured. */
export const DEFAULT_RETENTION_MONTHS = 24

/** The name and address an erased booking shows in place of the person's. */
export const ERASED_NAME = 'Erased'
export const ERASED_EMAIL = 'erased@erased.invalid'

/** The instant `months` calendar months before `now` (the last day of a shorter month when the day is missing). */
export function monthsBefore(now: Date, months: number): Date {
  const target = new Date(now)
  const day = target.getUTCDate()
  target.setUTCDate(1)
  target.setUTCMonth(target.getUTCMonth() - months)
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target
}

/** Whether a booking's personal data is due for erasure: its session's last part ended `months` or more before `now`. */
export function isPastRetention(booking: Pick<Booking, 'session'>, now: Date, months: number): boolean {
  const end = booking.session.parts.at(-1)?.endsAt
  return end !== undefined && Date.parse(end) <= monthsBefore(now, months).getTime()
}

/** The pseudonym of a setting's name as counted (normalised), so erased and kept bookings of it match. */
export function settingNamePseudonym(name: string): string {
  return isPseudonym(name) ? name : pseudonym(`name:${normaliseSettingName(name)}`)
}

/** The pseudonym of an Ofsted URN. */
export function urnPseudonym(urn: string): string {
  return isPseudonym(urn) ? urn : pseudonym(`urn:${urn}`)
}

/** The pseudonym of a normalised email address. */
export function emailPseudonym(emailKey: string): string {
  return isPseudonym(emailKey) ? emailKey : pseudonym(emailKey)
}

/**
 * The booking with its person's data erased: name and address replaced by placeholders, access
 * needs dropped, the address's key, the setting's name and the URN replaced by their pseudonyms
 * (so the people and settings counted stay the same), the manage link revoked. What the figures
 * count is kept: the state, the session, the role, the type of setting, the LA, the agreement to
 * share and the history of states. Erasing an erased booking changes nothing.
 */
export function erasedBooking(booking: Booking, now: Date): Booking {
  if (booking.erasedAt) return booking
  const { person } = booking
  const erasedPerson: Person = {
    name: ERASED_NAME,
    email: ERASED_EMAIL,
    role: person.role,
    settingName: settingNamePseudonym(person.settingName),
    ...(person.ofstedUrn ? { ofstedUrn: urnPseudonym(person.ofstedUrn) } : {}),
    settingType: person.settingType,
    laCode: person.laCode,
    shareWithLa: person.shareWithLa,
  }
  return {
    ...booking,
    person: erasedPerson,
    emailKey: emailPseudonym(booking.emailKey),
    manageTokenHash: '',
    erasedAt: now.toISOString(),
  }
}

/**
 * A questionnaire response with what the person wrote in their own words (free-text answers)
 * removed; ratings, choices and yes/no answers, which the results count, are kept. When its
 * template version is not known, results do not read its answers, so all of them go.
 */
export function erasedResponse(
  response: QuestionnaireResponse,
  template: QuestionnaireTemplate | undefined,
): QuestionnaireResponse {
  const textItems = new Set(template?.items.filter((item) => item.type === 'text').map((item) => item.id))
  const answers = Object.fromEntries(
    Object.entries(response.answers).filter(([id]) => template !== undefined && !textItems.has(id)),
  )
  return { ...response, answers }
}
