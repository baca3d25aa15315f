import type { InterestAlertStore } from '../alert-ports.ts'
import type { UndeliverableAddresses } from '../mail-feedback.ts'
import type { CatalogueRepository, SessionStore } from '../ports.ts'
import type { QuestionnaireResponses, QuestionnaireTemplateVersions } from '../results-ports.ts'
import type { PersonalDataStore } from '../retention-ports.ts'
import {
  erasedBooking,
  erasedResponse,
  isPastRetention,
  monthsBefore,
  registerErasures,
} from '../rules/retention.ts'
import type { Booking } from '../schemas/booking.ts'

/** What erasing personal data reads and writes. */
export interface ErasureDeps {
  personalData: PersonalDataStore
  responses: Pick<QuestionnaireResponses, 'forBookings'>
  templates: QuestionnaireTemplateVersions
  alerts: Pick<InterestAlertStore, 'stopAlert' | 'openAlertsOf'>
  undeliverable: Pick<UndeliverableAddresses, 'clear'>
}

/** What the retention job needs: erasure, the courses (whose open alerts it reads) and the period. */
export interface RetentionDeps extends ErasureDeps {
  catalogue: Pick<CatalogueRepository, 'listCourses'>
  /** The schedule, for the registers of sessions nobody booked (walk-ins only). */
  sessions: Pick<SessionStore, 'listSessions'>
  /** Months after a session's last part ends that its bookings' personal data is kept. */
  retentionMonths: number
}

/** What erasing removed, as counts: a retention run's, or one subject's. */
export interface ErasureCounts {
  /** Bookings erased. */
  bookings: number
  /** Questionnaire responses whose free text was removed. */
  responses: number
  certificates: number
  emails: number
  alerts: number
  undeliverable: number
  /** Register items (lines, walk-ins, audit entries, legacy registers) whose notes or walk-ins were erased. */
  registers: number
}

/** What one retention run did, as counts. */
export interface RetentionReport extends ErasureCounts {
  /** Bookings and register items that changed while being erased: left for the next run. */
  changed: number
}

/**
 * How far before the cut-off the schedule is read for sessions nobody booked (a register of
 * walk-ins only): one Query per month. Every booked session is found through its bookings.
 */
export const UNBOOKED_SESSIONS_LOOKBACK_MONTHS = 12

/** Bookings erased at once; each is a few reads and one transaction. */
const CONCURRENCY = 8

/** What erasing one booking removed; `erased: false` when it changed meanwhile (nothing written to it). */
export interface BookingErased {
  erased: boolean
  responses: number
  certificates: number
  emails: number
}

/**
 * Erases one booking's personal data: its emails and certificates are deleted, then in one
 * transaction the booking is erased (`erasedBooking`) and its questionnaire responses lose their
 * free text (`erasedResponse`). The booking is written last, so a run stopped part-way finds it
 * not erased and does it all again; deleting what is already gone changes nothing.
 */
export async function eraseBookingData(
  deps: ErasureDeps,
  booking: Booking,
  now: Date,
): Promise<BookingErased> {
  const [responses, certificates, emails] = await Promise.all([
    deps.responses.forBookings([booking.id]),
    deps.personalData.certificatesOf([booking.id]),
    deps.personalData.emailsAbout([booking.id]),
  ])
  const templates = await deps.templates.templateVersions(responses)
  const versions = new Map(templates.map((template) => [`${template.id}#${template.version}`, template]))
  await deps.personalData.deleteEmailsAndCertificates(
    emails.map((email) => email.message.id),
    certificates.map((certificate) => certificate.code),
  )
  const erased = await deps.personalData.eraseBooking({
    before: booking,
    after: erasedBooking(booking, now),
    responses: responses.map((response) =>
      erasedResponse(response, versions.get(`${response.templateId}#${response.version}`)),
    ),
  })
  return { erased, responses: responses.length, certificates: certificates.length, emails: emails.length }
}

/**
 * The retention job: erases the personal data of every booking whose session's last part ended
 * `retentionMonths` or more ago (`isPastRetention`), stops and deletes interest alerts asked for
 * that long ago, and forgets undeliverable addresses reported that long ago. The registers of those
 * bookings' sessions lose their notes and walk-ins' names, addresses and settings (`registerErasures`);
 * marks and check-ins stay. Every aggregate
 * figure stays the same: an erased booking keeps what is counted, with pseudonyms in place of the
 * address, the setting's name and URN. Idempotent: a second run finds nothing to do.
 */
export async function applyRetention(deps: RetentionDeps, now: Date): Promise<RetentionReport> {
  const report: RetentionReport = {
    bookings: 0,
    responses: 0,
    certificates: 0,
    emails: 0,
    alerts: 0,
    undeliverable: 0,
    registers: 0,
    changed: 0,
  }
  const sessions = new Set<string>()
  const cutoff = monthsBefore(now, deps.retentionMonths)
  for await (const page of deps.personalData.bookingsStartingBefore(cutoff)) {
    const old = page.filter((booking) => isPastRetention(booking, now, deps.retentionMonths))
    // Erased bookings' sessions too: a run stopped before their registers is finished by the next.
    for (const booking of old) sessions.add(booking.sessionId)
    const due = old.filter((booking) => !booking.erasedAt)
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      const done = await Promise.all(
        due.slice(i, i + CONCURRENCY).map((booking) => eraseBookingData(deps, booking, now)),
      )
      for (const one of done) {
        if (!one.erased) {
          report.changed++
          continue
        }
        report.bookings++
        report.responses += one.responses
        report.certificates += one.certificates
        report.emails += one.emails
      }
    }
  }
  const unbooked = await deps.sessions.listSessions({
    from: monthsBefore(cutoff, UNBOOKED_SESSIONS_LOOKBACK_MONTHS),
    to: cutoff,
  })
  for (const session of unbooked) {
    if (isPastRetention({ session }, now, deps.retentionMonths)) sessions.add(session.id)
  }
  for (const sessionId of sessions) {
    const erasures = registerErasures(await deps.personalData.registerRecords(sessionId))
    if (erasures.length === 0) continue
    const done = await deps.personalData.eraseRegisterRecords(erasures)
    report.registers += done.written
    report.changed += done.changed
  }
  for (const course of await deps.catalogue.listCourses()) {
    const old = (await deps.alerts.openAlertsOf(course.id)).filter(
      (alert) => Date.parse(alert.createdAt) <= cutoff.getTime(),
    )
    for (const alert of old) {
      await deps.alerts.stopAlert(alert.id, now)
      await deps.personalData.deleteAlert(alert.id)
      report.alerts++
    }
  }
  for (const id of await deps.personalData.undeliverableReportedBefore(cutoff)) {
    if (await deps.undeliverable.clear(id)) report.undeliverable++
  }
  return report
}
