import type { InterestAlertStore } from '../alert-ports.ts'
import type { UndeliverableAddresses } from '../mail-feedback.ts'
import type { CatalogueRepository } from '../ports.ts'
import type { QuestionnaireResponses, QuestionnaireTemplateVersions } from '../results-ports.ts'
import type { PersonalDataStore } from '../retention-ports.ts'
import { erasedBooking, erasedResponse, isPastRetention, monthsBefore } from '../rules/retention.ts'
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
  /** Months after a session's last part ends that its bookings' personal data is kept. */
  retentionMonths: number
}

/** What one retention run did, as counts. */
export interface RetentionReport {
  /** Bookings erased by this run. */
  bookings: number
  /** Questionnaire responses whose free text was removed. */
  responses: number
  certificates: number
  emails: number
  alerts: number
  undeliverable: number
  /** Bookings that changed while being erased: left for the next run. */
  changed: number
}

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
 * that long ago, and forgets undeliverable addresses reported that long ago. Every aggregate
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
    changed: 0,
  }
  const cutoff = monthsBefore(now, deps.retentionMonths)
  for await (const page of deps.personalData.bookingsStartingBefore(cutoff)) {
    const due = page.filter(
      (booking) => !booking.erasedAt && isPastRetention(booking, now, deps.retentionMonths),
    )
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
