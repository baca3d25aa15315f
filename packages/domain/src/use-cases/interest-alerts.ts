import type { AlertTokens, InterestAlertStore } from '../alert-ports.ts'
import { DomainError, ValidationError } from '../errors.ts'
import type { CatalogueRepository, Clock, IdSource, LocalAuthorities } from '../ports.ts'
import { normaliseEmail } from '../rules/people.ts'
import type { AlertScope, InterestAlert } from '../schemas/interest-alert.ts'
import { sameHash } from './manage-booking.ts'

/** What asking for and stopping an interest alert need. */
export interface AlertDeps {
  alerts: InterestAlertStore
  catalogue: Pick<CatalogueRepository, 'getCourse'>
  alertTokens: AlertTokens
  clock: Clock
  ids: IdSource
  las: LocalAuthorities
}

/** A person's request: where to write, where they are, and where they could go. */
export interface AlertRequest {
  courseId: string
  email: string
  laCode: string
  scope: AlertScope
}

/**
 * Asks to be told once of a new session of a course matching the scope. Asking again while an
 * alert of that course is open for the address changes its LA and scope rather than adding
 * another, so the caller answers the same whether or not the address had one.
 */
export async function askForInterestAlert(deps: AlertDeps, request: AlertRequest): Promise<void> {
  if (!deps.las.has(request.laCode)) {
    throw new ValidationError([{ field: 'laCode', message: 'Choose a local authority from the list' }])
  }
  if (!(await deps.catalogue.getCourse(request.courseId))) throw new DomainError('course-not-found')
  const id = deps.ids.newId()
  const at = deps.clock.now().toISOString()
  const email = request.email.trim()
  await deps.alerts.openAlert({
    id,
    courseId: request.courseId,
    email,
    emailKey: normaliseEmail(email),
    laCode: request.laCode,
    scope: request.scope,
    status: 'open',
    stopTokenHash: deps.alertTokens.hash(deps.alertTokens.issue(id)),
    createdAt: at,
    updatedAt: at,
  })
}

/**
 * Stops an alert by its stop link, whether it is still open or already sent (an email not yet
 * delivered is then not sent). Stopping again changes nothing. A wrong token answers
 * `alert-not-found` like an unknown id, so ids cannot be probed.
 */
export async function stopInterestAlert(
  deps: Pick<AlertDeps, 'alerts' | 'alertTokens' | 'clock'>,
  alertId: string,
  token: string,
): Promise<InterestAlert> {
  const alert = await deps.alerts.getAlert(alertId)
  if (!alert || !sameHash(alert.stopTokenHash, deps.alertTokens.hash(token))) {
    throw new DomainError('alert-not-found')
  }
  if (alert.status === 'stopped') return alert
  return (await deps.alerts.stopAlert(alertId, deps.clock.now())) ?? alert
}
