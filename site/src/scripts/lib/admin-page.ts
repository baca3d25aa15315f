import { ApiProblem } from './api.ts'
import { byId, h, show } from './dom.ts'

/** The message for a sign-in failure, or undefined when the problem is something else. */
export function accessMessage(error: unknown): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined
  if (error.status === 401) return 'Sign in as an administrator to use this page.'
  if (error.status === 403) return 'Your account is not an administrator’s.'
  return undefined
}

/** The London date (YYYY-MM-DD) and time (HH:mm) of an instant the API gave with its London offset. */
export function londonDateTime(iso: string): { date: string; time: string } {
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/**
 * Shows why an admin page could not load: sign-in or role trouble with a link to sign in, a
 * missing item in the page's own words (`notFound`), otherwise the page's generic error panel.
 * `hide` are the parts of the page that stop showing.
 */
export function showAdminLoadFailure(
  error: unknown,
  options: { notFound?: string; hide: HTMLElement[] },
): void {
  const text = byId('error-text')
  const message = accessMessage(error)
  if (message) {
    text.replaceChildren(
      `${message} `,
      h('a', { class: 'govuk-link', href: '/staff/' }, 'Go to staff sign-in'),
    )
  } else if (options.notFound && error instanceof ApiProblem && error.status === 404) {
    text.textContent = options.notFound
  }
  show(byId('error'), ...options.hide)
}

/** A save that failed for no field's reason: sign-in trouble or the API's own words. */
export function saveFailureMessage(error: unknown): string {
  return accessMessage(error) ?? (error instanceof ApiProblem ? error.message : 'Try again.')
}

/** Shows the success banner for what the previous page did (`?done=created`), in this page's words. */
export function showDone(messages: Readonly<Record<string, string>>): void {
  const done = messages[new URLSearchParams(location.search).get('done') ?? '']
  if (!done) return
  byId('done-text').textContent = done
  byId('done').hidden = false
}
