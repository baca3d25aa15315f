import {
  type AlertCount,
  alertSent,
  alertStopped,
  DomainError,
  type InterestAlert,
  type InterestAlertStore,
} from '@ey/domain'

/** The alert store in memory, plus what a test needs to inspect it. */
export interface InMemoryAlertStore extends InterestAlertStore {
  /** Every alert stored, in the order first opened. */
  all(): InterestAlert[]
}

/**
 * A faithful model of the port: each method reads and writes in one synchronous step (as atomic as
 * the DynamoDB transactions), keeps one open alert per address and course, and moves the counts
 * with every open and close. Values are copied in and out, like a database.
 */
export function createInMemoryAlertStore(): InMemoryAlertStore {
  const alerts = new Map<string, InterestAlert>()
  /** `courseId emailKey` → id of the person's open alert of the course. */
  const locks = new Map<string, string>()
  const counts = new Map<string, AlertCount>()

  const lockOf = (alert: InterestAlert) => `${alert.courseId} ${alert.emailKey}`
  const copy = <T>(value: T): T => structuredClone(value)

  function bump(courseId: string, laCode: string, delta: 1 | -1): void {
    const key = `${courseId}#${laCode}`
    const current = counts.get(key) ?? { courseId, laCode, open: 0 }
    counts.set(key, { ...current, open: current.open + delta })
  }

  function close(alert: InterestAlert, next: InterestAlert): InterestAlert {
    locks.delete(lockOf(alert))
    bump(alert.courseId, alert.laCode, -1)
    alerts.set(next.id, next)
    return copy(next)
  }

  return {
    async openAlert(alert) {
      const heldId = locks.get(lockOf(alert))
      const current = heldId === undefined ? undefined : alerts.get(heldId)
      if (!current) {
        if (alerts.has(alert.id)) throw new DomainError('already-exists')
        alerts.set(alert.id, copy(alert))
        locks.set(lockOf(alert), alert.id)
        bump(alert.courseId, alert.laCode, 1)
        return copy(alert)
      }
      if (current.laCode === alert.laCode && current.scope === alert.scope) return copy(current)
      if (current.laCode !== alert.laCode) {
        bump(current.courseId, current.laCode, -1)
        bump(current.courseId, alert.laCode, 1)
      }
      const next = { ...current, laCode: alert.laCode, scope: alert.scope, updatedAt: alert.updatedAt }
      alerts.set(next.id, next)
      return copy(next)
    },

    async getAlert(id) {
      const alert = alerts.get(id)
      return alert && copy(alert)
    },

    async openAlertsOf(courseId) {
      return [...alerts.values()]
        .filter((alert) => alert.courseId === courseId && alert.status === 'open')
        .map(copy)
    },

    async closeAlert(id, { sessionId, at }) {
      const current = alerts.get(id)
      if (current?.status !== 'open') return current && copy(current)
      return close(current, alertSent(current, sessionId, at))
    },

    async stopAlert(id, at) {
      const current = alerts.get(id)
      if (!current || current.status === 'stopped') return current && copy(current)
      const next = alertStopped(current, at)
      if (current.status === 'open') return close(current, next)
      alerts.set(id, next)
      return copy(next)
    },

    async openAlertCounts() {
      return [...counts.values()].map(copy)
    },

    all: () => [...alerts.values()].map(copy),
  }
}
