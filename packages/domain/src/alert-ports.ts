import type { AlertCount, InterestAlert } from './schemas/interest-alert.ts'

/**
 * Stop-link tokens of interest alerts, made as manage tokens are: derived from the alert id with a
 * server secret (so the email can carry one without it being stored), kept only as a hash.
 */
export interface AlertTokens {
  /** The token for an alert; the same alert always gets the same token. */
  issue(alertId: string): string
  /** The hash stored on the alert. */
  hash(token: string): string
}

/**
 * Storage of interest alerts. Every write is atomic with the counts of open alerts by course and
 * LA, and with the lock that keeps one open alert per address and course.
 */
export interface InterestAlertStore {
  /**
   * Opens `alert`; when the person (by `emailKey`) already has an open alert of that course, that
   * one takes the new LA and scope instead and keeps its id. Answers the open alert as stored;
   * throws `already-exists` when a new alert's id is taken.
   */
  openAlert(alert: InterestAlert): Promise<InterestAlert>
  /** Read consistently. */
  getAlert(id: string): Promise<InterestAlert | undefined>
  /** Every open alert of a course, read from an index: one opened a moment ago may be missing. */
  openAlertsOf(courseId: string): Promise<InterestAlert[]>
  /**
   * Closes an open alert as sent for `sessionId`. Answers the alert as it is afterwards: unchanged
   * when it was no longer open (already sent, perhaps for another session, or stopped).
   */
  closeAlert(id: string, close: { sessionId: string; at: Date }): Promise<InterestAlert | undefined>
  /** Stops an alert whether open or sent; answers it afterwards (a stopped one is left as it is). */
  stopAlert(id: string, at: Date): Promise<InterestAlert | undefined>
  /** The open alerts of every course by LA (courses and LAs with none may be left out). */
  openAlertCounts(): Promise<AlertCount[]>
}
