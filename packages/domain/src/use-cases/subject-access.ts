import type { AccessAudit } from '../audit-ports.ts'
import { DomainError } from '../errors.ts'
import type { UndeliverableAddress } from '../mail-feedback.ts'
import type { BookingLookup, Clock, IdSource } from '../ports.ts'
import type { EmailRecord, RegisterRecord } from '../retention-ports.ts'
import { normaliseEmail } from '../rules/people.ts'
import { sha256Hex } from '../rules/pseudonyms.ts'
import { registerErasures } from '../rules/retention.ts'
import type { AccessAuditEntry } from '../schemas/access-audit.ts'
import type { Booking } from '../schemas/booking.ts'
import type { CertificateRecord } from '../schemas/certificate.ts'
import type { InterestAlert } from '../schemas/interest-alert.ts'
import type { QuestionnaireResponse } from '../schemas/questionnaire.ts'
import type { StaffPrincipal } from '../schemas/staff.ts'
import { type ErasureCounts, type ErasureDeps, eraseBookingData } from './retention.ts'

/** What subject access reads and writes. */
export interface SubjectAccessDeps extends ErasureDeps {
  lookup: BookingLookup
  audit: AccessAudit
  clock: Clock
  ids: Pick<IdSource, 'newId'>
}

/** Everything held about one address. */
export interface SubjectExport {
  email: string
  exportedAt: string
  bookings: Booking[]
  responses: QuestionnaireResponse[]
  emails: EmailRecord[]
  alerts: InterestAlert[]
  certificates: CertificateRecord[]
  undeliverable: UndeliverableAddress | null
  /** Register lines of those bookings (mark, trainer's note, check-in) and of walk-ins recorded with the address. */
  registerLines: RegisterRecord[]
  /** Walk-ins recorded with the address. */
  walkIns: RegisterRecord[]
  /** Subject accesses of this address recorded in the access audit (they hold its hash, not the address). */
  auditEntries: AccessAuditEntry[]
}

/** What erasing one subject removed, as counts. */
export type SubjectErasure = ErasureCounts

/** The hash an audit entry holds for an address: SHA-256 (hex) of the normalised address. */
export function subjectHash(email: string): string {
  return sha256Hex(normaliseEmail(email))
}

async function audit(
  deps: SubjectAccessDeps,
  principal: StaffPrincipal,
  action: 'subject-export' | 'subject-erase',
  email: string,
) {
  await deps.audit.record({
    id: deps.ids.newId(),
    at: deps.clock.now().toISOString(),
    action,
    staff: { sub: principal.sub, ...(principal.name ? { name: principal.name } : {}) },
    subject: subjectHash(email),
  })
}

/** The register lines of these bookings and of these walk-ins (read by key; a walk-in's line is on its own part). */
async function subjectLines(
  deps: SubjectAccessDeps,
  bookings: readonly Booking[],
  walkIns: readonly RegisterRecord[],
): Promise<RegisterRecord[]> {
  return deps.personalData.registerLinesAt([
    ...bookings.flatMap((booking) =>
      booking.session.parts.map((_, part) => ({ sessionId: booking.sessionId, part, subject: booking.id })),
    ),
    ...walkIns.flatMap((record) =>
      record.kind === 'walk-in'
        ? [{ sessionId: record.sessionId, part: record.part, subject: record.walkIn.id }]
        : [],
    ),
  ])
}

/**
 * A subject access request: everything held about one address (by its normalised form) — its
 * bookings not yet erased, their questionnaire responses, emails and certificates, their register
 * lines, the walk-ins recorded with it and their lines, its interest alerts, its undeliverable record, and the subject accesses recorded of it. Recorded in the
 * access audit (who, when, the address's hash) before anything is read.
 */
export async function exportSubject(
  deps: SubjectAccessDeps,
  principal: StaffPrincipal,
  email: string,
): Promise<SubjectExport> {
  await audit(deps, principal, 'subject-export', email)
  const emailKey = normaliseEmail(email)
  const [bookings, alerts, undeliverable, auditEntries, walkIns] = await Promise.all([
    deps.personalData.bookingsOf(emailKey),
    deps.personalData.alertsOf(emailKey),
    deps.personalData.undeliverableOf(emailKey),
    deps.personalData.auditMentions(subjectHash(email)),
    deps.personalData.walkInsOf(emailKey),
  ])
  const bookingIds = bookings.map((booking) => booking.id)
  const [responses, emails, certificates, registerLines] = await Promise.all([
    bookingIds.length > 0 ? deps.responses.forBookings(bookingIds) : [],
    deps.personalData.emailsAbout([...bookingIds, ...alerts.map((alert) => alert.id)]),
    deps.personalData.certificatesOf(bookingIds),
    subjectLines(deps, bookings, walkIns),
  ])
  return {
    email: emailKey,
    exportedAt: deps.clock.now().toISOString(),
    bookings,
    responses,
    emails,
    alerts,
    certificates,
    undeliverable: undeliverable ?? null,
    registerLines,
    walkIns,
    auditEntries,
  }
}

/**
 * Erases everything held about one address at once, as the retention job does for old bookings:
 * each booking erased (pseudonyms keep every figure), free text of its answers, its emails and
 * certificates deleted, trainers' notes on its register lines and the walk-ins recorded with the
 * address erased (their marks kept), its alerts stopped and deleted, its undeliverable record forgotten.
 * `erasure-not-confirmed` (422, naming `confirm`) unless confirmed; `subject-has-live-bookings`
 * (409) while the address holds a booking of a session not yet ended: cancel those first.
 * Recorded in the access audit (who, when, the address's hash) before anything is erased.
 */
export async function eraseSubject(
  deps: SubjectAccessDeps,
  principal: StaffPrincipal,
  request: { email: string; confirm?: boolean },
): Promise<SubjectErasure> {
  if (request.confirm !== true) {
    throw new DomainError('erasure-not-confirmed', undefined, {
      fieldErrors: [
        { field: 'confirm', message: 'Confirm that everything held about this address is to be erased' },
      ],
    })
  }
  const emailKey = normaliseEmail(request.email)
  const now = deps.clock.now()
  const live = await deps.lookup.liveBookingsOf(emailKey, now)
  if (live.length > 0) {
    throw new DomainError(
      'subject-has-live-bookings',
      `This address has ${live.length} upcoming ${live.length === 1 ? 'booking' : 'bookings'} (${live.map((booking) => booking.reference).join(', ')}): cancel ${live.length === 1 ? 'it' : 'them'} first, then erase.`,
    )
  }
  await audit(deps, principal, 'subject-erase', request.email)
  const erasure: SubjectErasure = {
    bookings: 0,
    responses: 0,
    certificates: 0,
    emails: 0,
    alerts: 0,
    undeliverable: 0,
    registers: 0,
  }
  const bookings = await deps.personalData.bookingsOf(emailKey)
  const walkIns = await deps.personalData.walkInsOf(emailKey)
  // Registers first: once erased, a booking is no longer found by the address.
  const subjects = new Set([
    ...bookings.map((booking) => booking.id),
    ...walkIns.flatMap((record) => (record.kind === 'walk-in' ? [record.walkIn.id] : [])),
  ])
  const registers = registerErasures([...walkIns, ...(await subjectLines(deps, bookings, walkIns))], subjects)
  if (registers.length > 0) {
    const done = await deps.personalData.eraseRegisterRecords(registers)
    if (done.changed > 0)
      throw new DomainError('invalid-transition', 'A register of this address changed meanwhile: try again.')
    erasure.registers += done.written
  }
  for (const booking of bookings) {
    const done = await eraseBookingData(deps, booking, now)
    if (!done.erased)
      throw new DomainError('invalid-transition', 'A booking of this address changed meanwhile: try again.')
    erasure.bookings++
    erasure.responses += done.responses
    erasure.certificates += done.certificates
    erasure.emails += done.emails
  }
  const alerts = await deps.personalData.alertsOf(emailKey)
  const alertEmails = await deps.personalData.emailsAbout(alerts.map((alert) => alert.id))
  await deps.personalData.deleteEmailsAndCertificates(
    alertEmails.map((email) => email.message.id),
    [],
  )
  erasure.emails += alertEmails.length
  for (const alert of alerts) {
    if (alert.status === 'open') await deps.alerts.stopAlert(alert.id, now)
    await deps.personalData.deleteAlert(alert.id)
    erasure.alerts++
  }
  const undeliverable = await deps.personalData.undeliverableOf(emailKey)
  if (undeliverable && (await deps.undeliverable.clear(undeliverable.id))) erasure.undeliverable++
  return erasure
}
