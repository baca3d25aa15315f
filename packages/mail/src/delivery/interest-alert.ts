import {
  type AlertScope,
  type AlertTokens,
  type CatalogueRepository,
  type Clock,
  checkAlertEmail,
  type InterestAlertEmail,
  type InterestAlertStore,
  type SessionStore,
  sessionStart,
} from '@ey/domain'
import { alertStopUrl, alertUnsubscribeUrl, sessionPageUrl } from '@ey/presentation'
import { localAuthority } from '@ey/reference-data'
import { renderInterestAlert } from '../templates/index.ts'
import type { Prepared } from './prepared.ts'

/** What an interest alert's email reads when it goes. */
export interface InterestAlertDeliveryDeps {
  alerts: Pick<InterestAlertStore, 'getAlert' | 'closeAlert'>
  alertTokens: Pick<AlertTokens, 'issue'>
  sessions: Pick<SessionStore, 'getSession'>
  catalogue: Pick<CatalogueRepository, 'getCourse'>
  /** The public site's origin, e.g. `https://training.example.org`. */
  siteUrl: string
  clock: Clock
}

/**
 * Renders an alert's email, reading the session and the alert as they are now: nothing goes for
 * a session no longer published or already started, nor for an alert stopped since, or closed for
 * another session (see `checkAlertEmail`). The email carries the stop link, and the one-click
 * unsubscribe headers (RFC 8058) that let a mail client stop the alert without opening the page.
 */
export async function prepareInterestAlertEmail(
  deps: InterestAlertDeliveryDeps,
  message: InterestAlertEmail,
): Promise<Prepared> {
  const session = await deps.sessions.getSession(message.sessionId)
  if (session?.status !== 'published') return { outcome: 'skipped', reason: 'session-not-published' }
  if (sessionStart(session) <= deps.clock.now()) return { outcome: 'skipped', reason: 'session-started' }
  const check = await checkAlertEmail(deps, message)
  if (!check.send) return { outcome: 'skipped', reason: check.reason }

  const { alert } = check
  const token = deps.alertTokens.issue(alert.id)
  const course = await deps.catalogue.getCourse(session.courseId)
  const rendered = renderInterestAlert({
    session,
    courseTitle: course?.title ?? session.title,
    where: whereWords(alert.scope, alert.laCode),
    sessionUrl: sessionPageUrl(deps.siteUrl, session.id),
    stopUrl: alertStopUrl(deps.siteUrl, alert.id, token),
  })
  return {
    outcome: 'ready',
    email: {
      to: alert.email,
      ...rendered,
      headers: {
        'List-Unsubscribe': `<${alertUnsubscribeUrl(deps.siteUrl, alert.id, token)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    },
  }
}

/** Where the person said they could go: `in person in Leeds`, `in person in Yorkshire and The Humber`, `online`. */
function whereWords(scope: AlertScope, laCode: string): string {
  const la = localAuthority(laCode)
  switch (scope) {
    case 'la':
      return la ? `in person in ${la.name}` : 'in person in your local authority'
    case 'region':
      return la ? `in person in ${la.regionName}` : 'in person in your region'
    case 'online':
      return 'online'
  }
}
