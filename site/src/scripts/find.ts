import type { SessionPage } from '@ey/contract'
import { api } from './lib/api.ts'
import { byId, show } from './lib/dom.ts'
import { plural } from './lib/format.ts'
import { enhanceLaPickersOnUse } from './lib/la-picker.ts'
import { sessionCard } from './lib/session-card.ts'

const FILTERS = ['topic', 'from', 'to', 'format', 'twilight', 'la', 'available'] as const
const PAGE_SIZE = 20

const form = byId<HTMLFormElement>('filters')
const status = byId('result-status')
const list = byId('results')
const more = byId<HTMLButtonElement>('show-more')
const failure = byId('results-error')
const empty = byId('no-results')

const query = new URLSearchParams(location.search)
let shown = 0
let nextCursor: string | null = null

/** Puts the URL's filters back into the form, so a shared link shows what it filters by. */
function restoreFilters(): void {
  for (const name of FILTERS) {
    const value = query.get(name)
    if (value === null) continue
    for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)) {
      if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
        field.checked = field.value === value
      } else {
        field.value = value
      }
    }
  }
}

function apiQuery(cursor?: string): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) })
  for (const name of FILTERS) {
    const value = query.get(name)
    if (value) params.set(name, value)
  }
  if (cursor) params.set('cursor', cursor)
  return params.toString()
}

async function load(cursor?: string): Promise<void> {
  more.disabled = true
  status.textContent = 'Loading sessions…'
  try {
    const page = await api<SessionPage>(`/sessions?${apiQuery(cursor)}`)
    const cards = page.items.map(sessionCard)
    list.append(...cards)
    shown += page.items.length
    nextCursor = page.nextCursor
    more.hidden = nextCursor === null
    more.disabled = false
    empty.hidden = shown > 0
    status.textContent =
      shown === 0
        ? 'No sessions found'
        : `${plural(shown, 'session')} shown${nextCursor ? ', more available' : ''}`
    // After "Show more", carry keyboard and screen reader users to the first new session.
    if (cursor) cards[0]?.querySelector('a')?.focus()
  } catch (error) {
    more.disabled = false
    status.textContent = 'Sessions could not be loaded'
    byId('results-error-detail').textContent =
      // 400: a filter is not valid; 422: the dates span more than one search covers.
      error instanceof Error && 'status' in error && (error.status === 400 || error.status === 422)
        ? `${error.message} Change the filters and try again.`
        : 'Try again in a few minutes.'
    show(failure, empty)
  }
}

// Leave empty filters out of the URL, so a shared link says only what was chosen.
form.addEventListener('submit', () => {
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]')) {
    if (field.value === '') field.disabled = true
  }
})
// Coming back to the page (back button) must find the form usable again.
addEventListener('pageshow', () => {
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]'))
    field.disabled = false
})
more.addEventListener('click', () => {
  if (nextCursor) void load(nextCursor)
})

restoreFilters()
enhanceLaPickersOnUse()
void load()
