import type { Partner, PartnerList } from '@ey/contract'
import { saveFailureMessage, showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem } from './lib/api.ts'
import { byId, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import { slugOf } from './lib/slug.ts'
import { staffApi } from './staff-client.ts'

const editing = new URLSearchParams(location.search).get('id')
const form = byId<HTMLFormElement>('partner-form')
const errors = new FormErrors(form)
const value = (id: string) => byId<HTMLInputElement>(id).value.trim()

/** The form as the API's Partner; a new partner's id is made from its name. */
function input(): Partner {
  const website = value('website')
  return { id: editing ?? slugOf(value('name')), name: value('name'), ...(website ? { website } : {}) }
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const button = byId<HTMLButtonElement>('submit')
  button.disabled = true
  try {
    const partner = await staffApi<Partner>(
      editing ? `/admin/partners/${encodeURIComponent(editing)}` : '/admin/partners',
      {
        method: editing ? 'PUT' : 'POST',
        json: input(),
      },
    )
    location.assign(
      `/staff/admin/courses/?${new URLSearchParams({ done: editing ? 'partner-saved' : 'partner-created', id: partner.id })}`,
    )
  } catch (error) {
    button.disabled = false
    if (error instanceof ApiProblem && error.status === 409) {
      errors.show([{ field: 'name', message: 'There is already a partner with this name' }])
    } else if (error instanceof ApiProblem && error.errors.length > 0) {
      // The id is made from the name, so a name that makes no id is the name's problem.
      const named = error.errors.some((e) => e.field === 'name')
      errors.show(
        error.errors
          .filter((e) => !(e.field === 'id' && named))
          .map((e) =>
            e.field === 'id' ? { field: 'name', message: 'Enter a name with letters or digits' } : e,
          ),
      )
    } else {
      errors.show([], saveFailureMessage(error))
    }
  }
}

async function main(): Promise<void> {
  const loading = byId('loading')
  try {
    if (editing) {
      const { items } = await staffApi<PartnerList>('/admin/partners')
      const partner = items.find((p) => p.id === editing)
      if (!partner) throw new ApiProblem(404)
      document.title = document.title.replace('Add a partner', 'Change a partner')
      byId('heading').textContent = 'Change a partner'
      byId<HTMLInputElement>('name').value = partner.name
      byId<HTMLInputElement>('website').value = partner.website ?? ''
    }
    form.addEventListener('submit', (event) => void submit(event))
    show(form, loading)
  } catch (error) {
    showAdminLoadFailure(error, { notFound: 'There is no such partner.', hide: [loading] })
  }
}

void main()
