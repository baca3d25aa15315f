import type { StaffList, StaffMember } from '@ey/contract'
import { STAFF_ROLE_LABELS } from '@ey/presentation'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import { laName } from './lib/la-names.ts'
import { enhanceLaPickersOnUse } from './lib/la-picker.ts'
import { staffApi } from './staff-client.ts'

const form = byId<HTMLFormElement>('invite-form')
const errors = new FormErrors(form)
const chosen = new Set<string>()

/** Calls a staff route; a refused or expired sign-in goes back to the staff sign-in page. */
async function call<T>(path: string, json?: unknown): Promise<T> {
  try {
    return await staffApi<T>(path, { json })
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      location.assign(`/staff/?next=${encodeURIComponent(location.pathname)}`)
    }
    throw error
  }
}

/** Where the next page of the directory starts, when there is one. */
let nextPage: string | undefined

function render(members: StaffMember[], more: boolean): void {
  const rows = members.map((member) =>
    h(
      'tr',
      { class: 'govuk-table__row' },
      h('td', { class: 'govuk-table__cell' }, member.name),
      h('td', { class: 'govuk-table__cell' }, member.username),
      h('td', { class: 'govuk-table__cell' }, member.roles.map((role) => STAFF_ROLE_LABELS[role]).join(', ')),
      h('td', { class: 'govuk-table__cell' }, member.laCodes.map(laName).join(', ')),
    ),
  )
  if (more) byId('rows').append(...rows)
  else byId('rows').replaceChildren(...rows)
  byId('more-staff').hidden = nextPage === undefined
}

function renderChosen(): void {
  byId('chosen-las').replaceChildren(
    ...[...chosen].map((code) => {
      const remove = h(
        'button',
        {
          type: 'button',
          class: 'govuk-button govuk-button--warning govuk-!-margin-bottom-0 govuk-!-margin-left-2',
        },
        'Remove',
        h('span', { class: 'govuk-visually-hidden' }, ` ${laName(code)}`),
      )
      remove.addEventListener('click', () => {
        chosen.delete(code)
        renderChosen()
      })
      return h('li', {}, laName(code), remove)
    }),
  )
}

/** The first page of the directory, or with `more` the next one after those shown (100 a page). */
async function load(more = false): Promise<void> {
  const cursor = more && nextPage ? `?cursor=${encodeURIComponent(nextPage)}` : ''
  const { items, next } = await call<StaffList>(`/admin/staff${cursor}`)
  nextPage = next
  render(items, more)
  show(byId('content'), byId('loading'), byId('error'))
}

byId('more-staff').addEventListener('click', () => {
  load(true).catch(() => {
    byId('done').hidden = true
    errors.show([], 'More staff could not be loaded. Try again.')
  })
})

byId('add-la').addEventListener('click', () => {
  const select = form.querySelector<HTMLSelectElement>('select[name="laCodes"]')
  if (!select?.value) return
  chosen.add(select.value)
  renderChosen()
})

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const data = new FormData(form)
  const body = {
    name: String(data.get('name') ?? ''),
    username: String(data.get('username') ?? '').trim(),
    email: String(data.get('email') ?? '').trim(),
    roles: data.getAll('roles').map(String),
    laCodes: [...chosen],
  }
  try {
    const member = await call<StaffMember>('/admin/staff', body)
    errors.clear()
    form.reset()
    chosen.clear()
    renderChosen()
    byId('done-text').textContent = `${member.name} has been invited as ${member.username}.`
    byId('done').hidden = false
    byId('done').focus()
    await load()
  } catch (error) {
    if (error instanceof ApiProblem && error.errors.length > 0) errors.show(error.errors)
    else if (error instanceof ApiProblem && error.status === 409) {
      errors.show([{ field: 'username', message: 'Someone already has this username: choose another' }])
    } else errors.show([], error instanceof ApiProblem ? error.message : 'The invitation could not be sent.')
  }
})

load().catch((error: unknown) => {
  if (error instanceof ApiProblem && error.status === 403) {
    byId('error-text').textContent = 'Only programme administrators can manage staff.'
  }
  show(byId('error'), byId('loading'), byId('content'))
})
enhanceLaPickersOnUse()
