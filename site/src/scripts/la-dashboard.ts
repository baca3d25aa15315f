import type { LaSummary, StaffPrincipal } from '@ey/contract'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show } from './lib/dom.ts'
import { download } from './lib/download.ts'
import { FormErrors } from './lib/form-errors.ts'
import { laName } from './lib/la-names.ts'
import { enhanceLaPickersOnUse } from './lib/la-picker.ts'
import { dayInWords, laSummarySections } from './lib/la-summary-view.ts'
import { slugOf } from './lib/slug.ts'
import { staffApi, staffAuthorization } from './staff-client.ts'

const form = byId<HTMLFormElement>('period')
const errors = new FormErrors(form)
const loading = byId('loading')
const dashboard = byId('dashboard')
const params = new URLSearchParams(location.search)
/** The period asked for: only the dates given, so the API picks this academic year for the others. */
const asked = new URLSearchParams(
  (['from', 'to'] as const).flatMap((key) => {
    const value = params.get(key)
    return value ? [[key, value]] : []
  }),
)

/** An LA officer's LAs by name, in order. */
const ownLas = (principal: StaffPrincipal) =>
  [...principal.laCodes].sort((a, b) => laName(a).localeCompare(laName(b), 'en-GB'))

/** Why the page cannot show what was asked, in words the person can act on. */
function refusal(error: unknown, la: string, principal: StaffPrincipal): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined
  if (error.status === 401) return 'Sign in again to see this dashboard.'
  if (error.status === 403) {
    const own = ownLas(principal).map(laName)
    const yours = own.length > 0 ? ` You can see ${own.join(', ')}.` : ''
    return `You cannot see the figures of ${laName(la)}: LA officers see only the local authorities they are set up for.${yours}`
  }
  if (error.status === 404) return 'There is no local authority with that code. Choose one from the list.'
  return undefined
}

/**
 * The LA select this person uses: any LA for an administrator, their own for an LA officer with
 * several, none for an LA officer with one. The page holds both; the other leaves the page, so the
 * form sends one `la` and the label names one control.
 */
function setUpLaChoice(principal: StaffPrincipal, la: string): void {
  const admin = principal.roles.includes('admin')
  const choice = byId(admin ? 'la-any' : 'la-own')
  byId(admin ? 'la-own' : 'la-any').remove()
  if (admin) {
    byId<HTMLSelectElement>('la').value = la
    enhanceLaPickersOnUse()
  } else if (principal.laCodes.length < 2) {
    choice.remove()
    return
  } else {
    const mine = byId<HTMLSelectElement>('la-mine')
    const own = ownLas(principal)
    mine.replaceChildren(...own.map((code) => h('option', { value: code }, laName(code))))
    if (own.includes(la)) mine.value = la
  }
  choice.hidden = false
}

/** The LA to show: the one asked for, else an LA officer's first; none for an administrator yet to choose. */
function laToShow(principal: StaffPrincipal): string {
  const wanted = params.get('la')
  if (wanted) return wanted
  if (principal.roles.includes('admin')) return ''
  return ownLas(principal)[0] ?? ''
}

function fillPeriod(period: { from?: string | null; to?: string | null }): void {
  byId<HTMLInputElement>('from').value = period.from ?? ''
  byId<HTMLInputElement>('to').value = period.to ?? ''
}

function downloads(summary: LaSummary, principal: StaffPrincipal): void {
  const { code } = summary.la
  const query = new URLSearchParams(summary.period).toString()
  const base = `/la/${encodeURIComponent(code)}`
  const stem = `${code}-${slugOf(summary.la.name)}-${summary.period.from}-${summary.period.to}`
  const files: [string, string, string][] = [
    ['download-summary', `${base}/summary.csv?${query}`, `${stem}-summary.csv`],
    ['download-dictionary', `${base}/summary.csv?dictionary&${query}`, `${stem}-dictionary.csv`],
    ['download-attendees', `${base}/attendees.csv?${query}`, `${stem}-attendees.csv`],
  ]
  const status = byId('download-status')
  for (const [id, path, name] of files) {
    const button = byId<HTMLButtonElement>(id)
    button.onclick = async () => {
      if (button.disabled) return
      button.disabled = true
      status.textContent = ''
      try {
        await download(path, { headers: { ...staffAuthorization(), Accept: 'text/csv' } }, name)
        status.textContent = `Downloaded: ${button.textContent}.`
      } catch (error) {
        status.textContent = `Sorry, the file could not be downloaded. ${refusal(error, code, principal) ?? 'Try again in a few minutes.'}`
      } finally {
        button.disabled = false
      }
    }
  }
}

function render(summary: LaSummary, principal: StaffPrincipal): void {
  const caption = byId('caption')
  caption.textContent = summary.la.name
  caption.hidden = false
  document.title = `${summary.la.name}: local authority dashboard – Early years SEND training`
  fillPeriod(summary.period)
  byId('period-words').textContent =
    `Sessions starting from ${dayInWords(summary.period.from)} up to and including ${dayInWords(summary.period.to)}, for people from ${summary.la.name} (${summary.la.regionName}).`
  for (const name of document.querySelectorAll('.app-la-name')) name.textContent = summary.la.name
  byId('sections').replaceChildren(...laSummarySections(summary))
  downloads(summary, principal)
  show(dashboard, loading)
}

const NOT_SET_UP =
  'Only LA officers and administrators can see this dashboard. Your account is not set up for any local authority: ask a programme administrator.'

/** The signed-in staff member, if they may use this page; otherwise the page says why, and none. */
async function signedIn(): Promise<StaffPrincipal | undefined> {
  const text = byId('error-text')
  try {
    const principal = await staffApi<StaffPrincipal>('/staff/me')
    if (principal.roles.includes('admin') || principal.laCodes.length > 0) return principal
    text.textContent = NOT_SET_UP
  } catch (error) {
    if (!(error instanceof ApiProblem) || (error.status !== 401 && error.status !== 403)) throw error
    const next = encodeURIComponent(location.pathname + location.search)
    const signIn = h('a', { class: 'govuk-link', href: `/staff/?next=${next}` }, 'Go to staff sign-in')
    if (error.status === 403) text.textContent = NOT_SET_UP
    else text.replaceChildren('Sign in to see this dashboard. ', signIn)
  }
  show(byId('error'), loading)
  return undefined
}

async function main(): Promise<void> {
  const principal = await signedIn()
  if (!principal) return
  const la = laToShow(principal)
  setUpLaChoice(principal, la)
  fillPeriod({ from: params.get('from'), to: params.get('to') })
  form.hidden = false
  if (!la) {
    byId('choose').hidden = false
    loading.hidden = true
    return
  }
  try {
    const query = asked.size > 0 ? `?${asked}` : ''
    render(await staffApi<LaSummary>(`/la/${encodeURIComponent(la)}/summary${query}`), principal)
  } catch (error) {
    loading.hidden = true
    if (error instanceof ApiProblem && (error.status === 422 || error.status === 400)) {
      return errors.show(error.errors, error.errors.length === 0 ? error.message : undefined)
    }
    const message = refusal(error, la, principal)
    if (message) return errors.show([], message)
    throw error
  }
}

main().catch(() => show(byId('error'), loading, dashboard))
