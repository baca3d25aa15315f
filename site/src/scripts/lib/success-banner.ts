import { byId } from './dom.ts'

/**
 * Shows the page's success banner (SuccessBanner.astro) with the message the `done` query
 * parameter names, which the page that made the change redirected with; nothing when it names none.
 */
export function showDoneMessage(messages: Readonly<Record<string, string>>): void {
  const message = messages[new URLSearchParams(location.search).get('done') ?? '']
  if (!message) return
  byId('done-text').textContent = message
  byId('done').hidden = false
}
