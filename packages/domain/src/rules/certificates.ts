import type { BookingStatus } from '../schemas/booking.ts'
import type { Course } from '../schemas/catalogue.ts'

/** Whether a booking's certificate is offered, or what it still needs. */
export type CertificateStatus = 'offered' | 'not-attended' | 'post-not-answered'

/**
 * A certificate is offered to an attended booking (the register makes it attended only once
 * complete by the course's rule), and, unless the course offers it on attendance alone, once the
 * post questionnaire is answered.
 */
export function certificateStatus(
  status: BookingStatus,
  course: Pick<Course, 'certificateOn'>,
  postAnswered: boolean,
): CertificateStatus {
  if (status !== 'attended') return 'not-attended'
  if ((course.certificateOn ?? 'post-answered') === 'attendance' || postAnswered) return 'offered'
  return 'post-not-answered'
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * The verification code of a booking's certificate, from a secret-keyed value of the booking (its
 * manage token's fingerprint, SHA-256 in base64url as the `Fingerprints` port gives it), so it is
 * the same each time and cannot be guessed from the booking id: the first 48 bits of the
 * fingerprint (its first 8 base64url characters, 6 bits each) as 12 hexadecimal digits in groups of
 * four, like `3F9A-07C2-B1DE`.
 */
export function certificateCode(fingerprint: string): string {
  const values = [...fingerprint.slice(0, 8)].map((char) => BASE64URL.indexOf(char))
  if (values.length < 8 || values.some((value) => value < 0))
    throw new Error('A certificate code needs a base64url fingerprint of at least 8 characters')
  const bits = values.map((value) => value.toString(2).padStart(6, '0')).join('')
  const digits = (bits.match(/.{4}/g) ?? []).map((nibble) => Number.parseInt(nibble, 2).toString(16))
  return groupsOfFour(digits.join('').toUpperCase())
}

/** A typed code as stored: spaces dropped, upper case, dashes between groups of four. */
export function normaliseCertificateCode(typed: string): string {
  return groupsOfFour(
    typed
      .replace(/[^0-9a-f]/gi, '')
      .slice(0, 12)
      .toUpperCase(),
  )
}

function groupsOfFour(digits: string): string {
  return digits.match(/.{4}/g)?.join('-') ?? digits
}
