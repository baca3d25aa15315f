/**
 * The trainers' pages that emails link to. With an empty `siteUrl` each is the path alone, for
 * links within the site.
 */
export function registerUrl(siteUrl: string, sessionId: string, part: number): string {
  return `${origin(siteUrl)}/staff/sessions/register/?${new URLSearchParams({ id: sessionId, part: String(part) })}`
}

/** A session's questionnaire results, for its trainers and administrators. */
export function sessionResultsUrl(siteUrl: string, sessionId: string): string {
  return `${origin(siteUrl)}/staff/sessions/results/?${new URLSearchParams({ id: sessionId })}`
}

/** A course's questionnaire results over a period (the last two terms unless the page is told), for administrators. */
export function courseResultsUrl(siteUrl: string, courseId: string): string {
  return `${origin(siteUrl)}/staff/admin/results/?${new URLSearchParams({ course: courseId })}`
}

/** A trainer's list of their sessions. */
export function trainerSessionsUrl(siteUrl: string): string {
  return `${origin(siteUrl)}/staff/sessions/`
}

function origin(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '')
}
