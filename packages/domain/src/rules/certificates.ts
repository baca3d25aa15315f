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

/**
 * The verification code of a booking's certificate, from a secret-keyed value of the booking (its
 * manage token's fingerprint), so it is the same each time and cannot be guessed from the booking id:
 * 12 hexadecimal digits (48 bits) in groups of four, like `3F9A-07C2-B1DE`.
 */
export function certificateCode(fingerprint: string): string {
  const digits = fingerprint
    .replace(/[^0-9a-f]/gi, '')
    .slice(0, 12)
    .toUpperCase()
  return digits.match(/.{4}/g)?.join('-') ?? digits
}

/** A typed code as stored: spaces dropped, upper case, dashes between groups of four. */
export function normaliseCertificateCode(typed: string): string {
  return certificateCode(typed.replace(/[\s-]/g, ''))
}
