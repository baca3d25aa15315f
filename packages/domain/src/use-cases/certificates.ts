import type { CertificateDeps } from '../certificate-ports.ts'
import { DomainError } from '../errors.ts'
import {
  type CertificateStatus,
  certificateCode,
  certificateStatus,
  normaliseCertificateCode,
} from '../rules/certificates.ts'
import type { Booking } from '../schemas/booking.ts'
import type { CertificateRecord } from '../schemas/certificate.ts'
import { openBooking } from './manage-booking.ts'

/** Everything a certificate of attendance shows. */
export interface Certificate extends CertificateRecord {
  cpdHours: number
  partner: string
}

/** A booking's certificate, when offered. */
export interface CertificateOffer {
  status: CertificateStatus
  certificate?: Certificate
}

const MESSAGES: Record<Exclude<CertificateStatus, 'offered'>, string> = {
  'not-attended': 'The certificate is offered once the register shows you attended the whole course.',
  'post-not-answered': 'Answer the post-session questionnaire to get your certificate.',
}

/**
 * Whether the booking (opened by its manage token) is offered its certificate; when it is, the
 * certificate, recorded under its verification code so the code can be checked.
 */
export async function offerCertificate(
  deps: CertificateDeps,
  bookingId: string,
  token: string,
): Promise<CertificateOffer> {
  const { booking } = await openBooking(deps, bookingId, token)
  const course = await deps.catalogue.getCourse(booking.session.courseId)
  if (!course) throw new DomainError('course-not-found')
  const postAnswered = booking.status === 'attended' && (await deps.answers.hasAnswered(booking.id, 'post'))
  const status = certificateStatus(booking.status, course, postAnswered)
  if (status !== 'offered') return { status }
  const partners = await deps.catalogue.listPartners()
  const certificate: Certificate = {
    ...recordOf(deps, booking, token, course.title),
    cpdHours: course.cpdHours,
    partner: partners.find((partner) => partner.id === course.partnerId)?.name ?? '',
  }
  const { cpdHours: _cpd, partner: _partner, ...record } = certificate
  await deps.certificates.record(record)
  return { status, certificate }
}

/** The certificate to print; refused with `certificate-not-offered`, saying what is needed, until offered. */
export async function issueCertificate(
  deps: CertificateDeps,
  bookingId: string,
  token: string,
): Promise<Certificate> {
  const offer = await offerCertificate(deps, bookingId, token)
  if (!offer.certificate) {
    throw new DomainError('certificate-not-offered', MESSAGES[offer.status as keyof typeof MESSAGES])
  }
  return offer.certificate
}

/** What a verification code shows: the name, course and dates, nothing else; 404 when unknown. */
export async function verifyCertificate(
  deps: Pick<CertificateDeps, 'certificates'>,
  typed: string,
): Promise<CertificateRecord> {
  const found = await deps.certificates.find(normaliseCertificateCode(typed))
  if (!found) throw new DomainError('certificate-not-found')
  return found
}

function recordOf(deps: CertificateDeps, booking: Booking, token: string, course: string): CertificateRecord {
  return {
    code: certificateCode(deps.fingerprints.of(`certificate:${token}`)),
    bookingId: booking.id,
    name: booking.person.name,
    course,
    parts: booking.session.parts,
  }
}
