import type { InterestAlertStore } from '../alert-ports.ts'
import type { BookingPolicy } from '../config.ts'
import type { InterestAlertEmail } from '../outbox.ts'
import type { OutboxStore } from '../outbox-ports.ts'
import type { Clock, LocalAuthorities } from '../ports.ts'
import { alertMatches } from '../rules/interest-alerts.ts'
import type { InterestAlert } from '../schemas/interest-alert.ts'
import type { Session } from '../schemas/session.ts'

/** What telling people of a newly published session needs. */
export interface AlertSendingDeps {
  alerts: InterestAlertStore
  outbox: Pick<OutboxStore, 'enqueue'>
  clock: Clock
  las: LocalAuthorities
  policy: BookingPolicy
}

/** Alerts handled at once: enough to finish a large course quickly, few enough not to crowd the table. */
const AT_ONCE = 8

/** The outbox id of an alert's email about a session: the same pair always gives the same id. */
export function interestAlertEmailId(alertId: string, sessionId: string): string {
  return `interest-alert-${alertId}-${sessionId}`
}

/**
 * Tells everyone waiting for a session like this one, now that it is published: each open alert
 * of its course that it matches gets one email queued (idempotently, by `interestAlertEmailId`),
 * then is closed as sent for this session, so it is sent once and a later session sends nothing
 * to it. Every alert is tried; if any failed, the first failure is thrown once all are done, and
 * those alerts stay open for the next matching session. Answers how many were queued.
 */
export async function queueInterestAlerts(deps: AlertSendingDeps, session: Session): Promise<number> {
  if (session.status !== 'published') return 0
  const now = deps.clock.now()
  const context = { las: deps.las, now, policy: deps.policy }
  const due = (await deps.alerts.openAlertsOf(session.courseId)).filter((alert) =>
    alertMatches(alert, session, context),
  )
  const send = async (alert: InterestAlert) => {
    await deps.outbox.enqueue({
      id: interestAlertEmailId(alert.id, session.id),
      kind: 'interest-alert',
      alertId: alert.id,
      sessionId: session.id,
      createdAt: now.toISOString(),
    })
    await deps.alerts.closeAlert(alert.id, { sessionId: session.id, at: now })
  }
  const failures: unknown[] = []
  for (let i = 0; i < due.length; i += AT_ONCE) {
    const results = await Promise.allSettled(due.slice(i, i + AT_ONCE).map(send))
    for (const result of results) if (result.status === 'rejected') failures.push(result.reason)
  }
  if (failures.length > 0) throw failures[0]
  return due.length
}

/** Whether an alert's email goes: with the alert to send it to, or why not. */
export type AlertEmailCheck = { send: true; alert: InterestAlert } | { send: false; reason: string }

/**
 * Decides, as an alert's email is about to go, whether it still should: the alert must have been
 * closed as sent for this very session, and not stopped since. An alert still open (the email was
 * queued, but its closing has not landed, or never will) is closed for this session now: whichever
 * of the two gets there first decides, so no second session's email can go as well.
 */
export async function checkAlertEmail(
  deps: { alerts: Pick<InterestAlertStore, 'getAlert' | 'closeAlert'>; clock: Clock },
  message: InterestAlertEmail,
): Promise<AlertEmailCheck> {
  const read = await deps.alerts.getAlert(message.alertId)
  const alert =
    read?.status === 'open'
      ? await deps.alerts.closeAlert(read.id, { sessionId: message.sessionId, at: deps.clock.now() })
      : read
  if (!alert) return { send: false, reason: 'alert-not-found' }
  if (alert.status === 'stopped') return { send: false, reason: 'alert-stopped' }
  if (alert.sentSessionId !== message.sessionId) return { send: false, reason: 'superseded' }
  return { send: true, alert }
}
