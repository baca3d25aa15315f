/**
 * The catalogue of domain errors. Each has a stable code that the API maps to an HTTP status and
 * a problem type; titles are written for the person who will read them.
 */
export const ERRORS = {
  'validation-failed': { title: 'Some of the information is not valid' },
  'session-not-found': { title: 'Session not found' },
  'course-not-found': { title: 'Course not found' },
  'partner-not-found': { title: 'Partner organisation not found' },
  'booking-not-found': { title: 'Booking not found' },
  'manage-link-expired': { title: 'This link to your booking has expired' },
  'manage-link-replaced': { title: 'This link to your booking has been replaced by a newer one' },
  'alert-not-found': { title: 'Alert not found' },
  'session-cancelled': { title: 'This session has been cancelled' },
  'session-not-published': { title: 'This session is not open for booking' },
  'booking-closed': { title: 'Bookings for this session have closed' },
  'booking-not-open': { title: 'Bookings for this session are not open yet' },
  'session-started': { title: 'This session has already started' },
  'bespoke-session': { title: 'This session is only for people from named local authorities' },
  'already-booked': { title: 'You have already booked this session' },
  'idempotency-key-reused': { title: 'This Idempotency-Key was used for a different request' },
  'invalid-transition': { title: 'The booking cannot change in that way' },
  'cancellation-closed': { title: 'This booking can no longer be cancelled' },
  'no-offer': { title: 'There is no place on offer for this booking' },
  'unknown-local-authority': { title: 'Local authority not recognised' },
  'service-busy': { title: 'The service is busy; try again shortly' },
  'register-locked': { title: 'This register is locked; an administrator can reopen it' },
  'already-exists': { title: 'Something with this id already exists' },
  'session-changed': { title: 'The session was changed by someone else; reload it and try again' },
  'capacity-below-held': { title: 'The capacity cannot be fewer than the places already held' },
  'email-not-parked': {
    title: 'This email is not waiting to be resent: it was resent already, or it has gone',
  },
  'certificate-not-offered': { title: 'The certificate is not offered for this booking yet' },
  'certificate-not-found': { title: 'We could not find a certificate with that code' },
  'questionnaire-not-open': { title: 'This questionnaire is not open yet' },
  'questionnaire-closed': { title: 'This questionnaire is closed' },
  'questionnaire-answered': { title: 'This questionnaire has already been answered' },
  'invalid-answers': { title: 'Some answers are missing or not valid' },
  'invalid-template': { title: 'The questionnaire template is not valid' },
  'template-not-found': { title: 'Questionnaire template not found' },
  'invalid-questionnaire-days': { title: 'The questionnaire windows are not valid' },
  'invalid-period': { title: 'The period of the report is not valid' },
  'too-many-attempts': { title: 'Too many wrong attempts; wait before trying again' },
  'rate-limit-address': { title: 'Too many requests from this network address; wait before trying again' },
  'rate-limit-email': { title: 'Too many requests for this email address; wait before trying again' },
  'rate-limit-booking': { title: 'Too many check-ins for this booking; wait before trying again' },
  'daily-booking-limit': { title: 'This email address has made as many booking requests as it may today' },
  'waiting-list-full': { title: 'The waiting list for this session is full' },
  'beyond-bounds': { title: 'This asks for more than one request may read' },
  'address-not-found': { title: 'This address is not recorded as undeliverable' },
  'material-not-found': { title: 'Material not found' },
  'file-not-allowed': { title: 'This file cannot be added' },
  'upload-not-found': { title: 'The file has not arrived; upload it again' },
  'subject-has-live-bookings': {
    title: 'This address still has upcoming bookings: cancel them first, then erase',
  },
  'erasure-not-confirmed': { title: 'Confirm the erasure: it cannot be undone' },
  unauthorized: { title: 'Sign-in or a valid token is required' },
  forbidden: { title: 'You do not have access to this' },
} as const

export type ErrorCode = keyof typeof ERRORS

/** One field at fault, named by its path in the request (e.g. `email`). */
export interface FieldError {
  field: string
  message: string
}

/** Base of every error the domain raises on purpose; anything else is a bug. */
export class DomainError extends Error {
  readonly code: ErrorCode
  readonly fieldErrors: readonly FieldError[]

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown; fieldErrors?: FieldError[] }) {
    super(detail ?? ERRORS[code].title, { cause: options?.cause })
    this.name = 'DomainError'
    this.code = code
    this.fieldErrors = options?.fieldErrors ?? []
  }
}

/** Bad input: names every field at fault. */
export class ValidationError extends DomainError {
  constructor(fieldErrors: FieldError[], detail = 'Check the highlighted fields and try again.') {
    super('validation-failed', detail, { fieldErrors })
    this.name = 'ValidationError'
  }
}

/** The person (by normalised email) already holds a live booking of the session: `bookingId`. */
export class AlreadyBookedError extends DomainError {
  readonly bookingId: string
  constructor(bookingId: string) {
    super('already-booked')
    this.name = 'AlreadyBookedError'
    this.bookingId = bookingId
  }
}

/** A write lost a race it can retry later (e.g. repeated transaction conflicts). */
export class ServiceBusyError extends DomainError {
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds = 1, cause?: unknown) {
    super('service-busy', undefined, { cause })
    this.name = 'ServiceBusyError'
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** A storage failure that is not a domain outcome; the cause is kept for the logs. */
export class RepositoryError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'RepositoryError'
  }
}

/** A staff route called without a valid token (401) or without the role or scope it needs (403). */
export class AccessDeniedError extends DomainError {
  readonly status: 401 | 403
  constructor(status: 401 | 403, detail?: string) {
    super(status === 401 ? 'unauthorized' : 'forbidden', detail)
    this.name = 'AccessDeniedError'
    this.status = status
  }
}
