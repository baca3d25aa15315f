import type { StaffPrincipal } from '@ey/contract'
import { STAFF_ROLE_LABELS } from '@ey/presentation'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show } from './lib/dom.ts'
import { laName } from './lib/la-names.ts'
import { finishSignIn, safeNext, signOut, startSignIn } from './lib/staff-sign-in.ts'
import { clearStaffToken, staffApi, staffToken } from './staff-client.ts'

const loading = byId('loading')
const signIn = byId('sign-in')
const home = byId('home')
const failed = byId('failed')

interface HomeLink {
  href: string
  text: string
  hint: string
}

/** An LA officer's dashboard of each of their LAs. */
function laDashboards(principal: StaffPrincipal): HomeLink[] {
  return [...principal.laCodes]
    .sort((a, b) => laName(a).localeCompare(laName(b), 'en-GB'))
    .map((code) => ({
      href: `/staff/la/?la=${encodeURIComponent(code)}`,
      text: `${laName(code)} dashboard`,
      hint: `Take-up, questionnaire results and demand of the people of ${laName(code)}, and downloads`,
    }))
}

/** What each role opens from the staff home. */
const LINKS: Record<StaffPrincipal['roles'][number], (principal: StaffPrincipal) => HomeLink[]> = {
  admin: () => [
    { href: '/staff/admin/', text: 'Sessions', hint: 'Schedule, change, cancel or import sessions' },
    {
      href: '/staff/admin/courses/',
      text: 'Courses and partners',
      hint: 'Add or change courses and partner organisations',
    },
    {
      href: '/staff/admin/questionnaires/',
      text: 'Questionnaires',
      hint: 'Write the pre, post and follow-up questionnaires, and choose which courses ask them',
    },
    {
      href: '/staff/admin/national/',
      text: 'National picture',
      hint: 'People reached, take-up by local authority on a map of England, demand and satisfaction',
    },
    {
      href: '/staff/la/',
      text: 'Local authority dashboards',
      hint: 'Any local authority’s take-up, results and demand, as its LA officers see them',
    },
    { href: '/staff/admin/staff/', text: 'Staff', hint: 'Invite trainers, LA officers and administrators' },
    {
      href: '/staff/admin/mail/',
      text: 'Emails',
      hint: 'Emails that failed, and addresses no email goes to',
    },
    {
      href: '/staff/admin/audit/',
      text: 'Audit log',
      hint: 'Who downloaded which local authority’s data, and when',
    },
    {
      href: '/staff/admin/subject-access/',
      text: 'Subject access',
      hint: 'Export or erase everything held about one email address',
    },
  ],
  trainer: () => [
    { href: '/staff/sessions/', text: 'My sessions', hint: 'Your sessions and their registers' },
  ],
  'la-officer': laDashboards,
}

function renderHome(principal: StaffPrincipal): void {
  byId('who').textContent = principal.name ?? principal.sub
  byId('roles').textContent = principal.roles.map((role) => STAFF_ROLE_LABELS[role]).join(', ')
  const links = [
    ...new Map(
      principal.roles.flatMap((role) => LINKS[role](principal)).map((link) => [link.href, link]),
    ).values(),
  ]
  byId('links').replaceChildren(
    ...links.map((link) =>
      h(
        'li',
        {},
        h('a', { class: 'govuk-link govuk-link--no-visited-state', href: link.href }, link.text),
        h('p', { class: 'govuk-hint' }, link.hint),
      ),
    ),
  )
  const scope = byId('la-scope')
  scope.hidden = principal.laCodes.length === 0
  byId('scope-names').textContent = principal.laCodes.map(laName).join(', ')
  show(home, loading, signIn, failed)
  byId('home-heading').focus()
}

async function loadHome(): Promise<void> {
  let principal: StaffPrincipal
  try {
    principal = await staffApi<StaffPrincipal>('/staff/me')
  } catch (error) {
    if (!(error instanceof ApiProblem) || (error.status !== 401 && error.status !== 403)) throw error
    clearStaffToken()
    showSignIn(
      error.status === 403 ? 'Your account has no staff role yet. Ask a programme administrator.' : undefined,
    )
    return
  }
  renderHome(principal)
}

function showSignIn(message?: string): void {
  const notice = byId('notice')
  notice.hidden = !message
  byId('notice-text').textContent = message ?? ''
  show(signIn, loading, home, failed)
}

byId('sign-in-button').addEventListener('click', () => {
  const next = safeNext(new URLSearchParams(location.search).get('next'))
  startSignIn(next).catch(() => show(failed, loading, signIn, home))
})
byId('sign-out-button').addEventListener('click', () => {
  signOut().catch(() => showSignIn('You have signed out.'))
})

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search)
  if (params.has('code') || params.has('error')) {
    history.replaceState(null, '', '/staff/')
    if (params.has('error')) return showSignIn('Sign-in did not complete. Try again.')
    const next = await finishSignIn(params).catch(() => undefined)
    if (!next) return showSignIn('Sign-in did not complete. Try again.')
    if (next !== '/staff/') return location.replace(next)
  }
  if (params.has('signed-out')) {
    history.replaceState(null, '', '/staff/')
    return showSignIn('You have signed out.')
  }
  if (!staffToken()) return showSignIn()
  await loadHome()
}

start().catch(() => show(failed, loading, signIn, home))
