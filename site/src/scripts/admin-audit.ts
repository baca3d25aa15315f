import type { AuditAction, AuditEntry, AuditList } from '@ey/contract'
import { londonDate, londonMoment, registerUrl } from '@ey/presentation'
import { showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show } from './lib/dom.ts'
import { plural } from './lib/format.ts'
import { laName } from './lib/la-names.ts'
import { enhanceLaPickersOnUse } from './lib/la-picker.ts'
import { staffApi } from './staff-client.ts'

/** What each recorded action was, in the table's words. */
const ACTION_LABELS = {
  'la-attendees-csv': 'Downloaded the attendee list',
  'la-summary-csv': 'Downloaded the summary by course and month',
  'register-view': 'Opened a register',
  'participant-report': 'Matched a participant report to a register',
  'mail-review': 'Opened the mail review (email addresses)',
  'subject-export': 'Exported everything held about one address',
  'subject-erase': 'Erased everything held about one address',
} as const satisfies Record<AuditAction, string>

const params = new URLSearchParams(location.search)
/** The filters as chosen: only those given go to the API, which defaults the period itself. */
const filters = new URLSearchParams(
  [...params].filter(([name, value]) => ['from', 'to', 'la'].includes(name) && value !== ''),
)

const cell = (text: string) => h('td', { class: 'govuk-table__cell' }, text)
/** A London day (YYYY-MM-DD) in words; noon UTC falls on the same London day all year. */
const day = (iso: string) => londonDate(`${iso}T12:00:00Z`)

/**
 * Whose data was read: the LA, or the session part's register (a link to it), one address (a
 * subject access, shown by the start of its hash), or everyone's mail.
 */
function whose(entry: AuditEntry): string | HTMLElement {
  if (entry.laCode) return laName(entry.laCode)
  if (entry.subject) return `One address (hash ${entry.subject.slice(0, 12)}…)`
  if (entry.session) {
    const { id, title, part } = entry.session
    return h('a', { class: 'govuk-link', href: registerUrl('', id, part) }, `${title}, part ${part + 1}`)
  }
  return 'People with failed or undeliverable emails'
}

function row(entry: AuditEntry): HTMLElement {
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(londonMoment(entry.at)),
    cell(entry.staff.name ? `${entry.staff.name} (${entry.staff.sub})` : entry.staff.sub),
    cell(ACTION_LABELS[entry.action]),
    h('td', { class: 'govuk-table__cell' }, whose(entry)),
    cell(entry.period ? `${day(entry.period.from)} to ${day(entry.period.to)}` : 'Not applicable'),
    cell(entry.rows === undefined ? 'Not known' : String(entry.rows)),
  )
}

/** A link to this page with the same filters, at a cursor or at the newest entries. */
function pageLink(cursor?: string): string {
  const query = new URLSearchParams(filters)
  if (cursor) query.set('cursor', cursor)
  const text = query.toString()
  return `/staff/admin/audit/${text ? `?${text}` : ''}`
}

async function main(): Promise<void> {
  for (const name of ['from', 'to', 'la'] as const) {
    byId<HTMLInputElement | HTMLSelectElement>(name).value = filters.get(name) ?? ''
  }
  enhanceLaPickersOnUse()
  const loading = byId('loading')
  const cursor = params.get('cursor')
  const query = new URLSearchParams(filters)
  if (cursor) query.set('cursor', cursor)
  try {
    const list = await staffApi<AuditList>(`/admin/audit?${query}`)
    byId('rows').replaceChildren(...list.items.map(row))
    byId('table').hidden = list.items.length === 0
    byId('none').hidden = list.items.length > 0
    byId('summary').textContent =
      list.items.length === 0
        ? ''
        : `${plural(list.items.length, 'entry', 'entries')} on this page${cursor ? ', after those on earlier pages' : ''}.`
    byId('first').hidden = !cursor
    byId<HTMLAnchorElement>('first-link').href = pageLink()
    byId('older').hidden = !list.next
    byId<HTMLAnchorElement>('older-link').href = pageLink(list.next)
    byId('pages').hidden = !cursor && !list.next
    show(byId('content'), loading)
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) {
      byId('error-text').textContent = error.errors[0]?.message ?? error.message
      show(byId('error'), loading)
      return
    }
    showAdminLoadFailure(error, { hide: [loading] })
  }
}

void main()
