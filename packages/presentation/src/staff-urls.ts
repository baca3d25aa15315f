/**
 * The trainers' pages that emails link to. With an empty `siteUrl` each is the path alone, for
 * links within the site.
 */
export function registerUrl(siteUrl: string, sessionId: string, part: number): string {
  return `${origin(siteUrl)}/staff/sessions/register/?${new URLSearchParams({ id: sessionId, part: String(part) })}`
}

/** A trainer's list of their sessions. */
export function trainerSessionsUrl(siteUrl: string): string {
  return `${origin(siteUrl)}/staff/sessions/`
}

function origin(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '')
}
