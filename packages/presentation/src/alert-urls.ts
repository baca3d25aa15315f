const origin = (siteUrl: string) => siteUrl.replace(/\/+$/, '')

/**
 * The page where a person stops an interest alert with one button press:
 * `https://…/alerts/stop/#id=…&token=…`. As with the manage link, the id and token ride in the
 * fragment, which no server, log or Referer sees; opening the page changes nothing.
 */
export function alertStopUrl(siteUrl: string, alertId: string, token: string): string {
  return `${origin(siteUrl)}/alerts/stop/#${new URLSearchParams({ id: alertId, token })}`
}

/**
 * The one-click unsubscribe address of an alert email (RFC 8058, the `List-Unsubscribe` header):
 * the API's stop route itself, with the token in the query, since a mail client's POST carries no
 * header of ours and a fragment never reaches a server.
 */
export function alertUnsubscribeUrl(siteUrl: string, alertId: string, token: string): string {
  return `${origin(siteUrl)}/api/alerts/${encodeURIComponent(alertId)}/stop?${new URLSearchParams({ token })}`
}

/** A session's public page, where it is booked. */
export function sessionPageUrl(siteUrl: string, sessionId: string): string {
  return `${origin(siteUrl)}/session/?${new URLSearchParams({ id: sessionId })}`
}

/** A course's public page: its details, its upcoming sessions, and asking for an alert. */
export function coursePageUrl(siteUrl: string, courseId: string): string {
  return `${origin(siteUrl)}/course/?${new URLSearchParams({ id: courseId })}`
}
