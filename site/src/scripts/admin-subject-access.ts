import { ApiProblem } from './lib/api.ts'
import { byId } from './lib/dom.ts'
import { download } from './lib/download.ts'
import { FormErrors } from './lib/form-errors.ts'
import { staffApi, staffAuthorization } from './staff-client.ts'

const form = byId<HTMLFormElement>('subject-form')
const errors = new FormErrors(form)
const confirm = byId('confirm')
const done = byId('done')

/** What erasing removed, as the API counts it. */
interface Erased {
  bookings: number
  responses: number
  certificates: number
  emails: number
  alerts: number
  undeliverable: number
}

const address = () => String(new FormData(form).get('email') ?? '').trim()

function failed(error: unknown, fallback: string): void {
  if (error instanceof ApiProblem && error.status === 401) {
    location.assign(`/staff/?next=${encodeURIComponent(location.pathname)}`)
    return
  }
  if (error instanceof ApiProblem && error.errors.length > 0) errors.show(error.errors)
  else if (error instanceof ApiProblem && error.status === 403) {
    errors.show([], 'Only programme administrators can export or erase a person’s data.')
  } else errors.show([], error instanceof ApiProblem ? error.message : fallback)
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  done.hidden = true
  const action = (event.submitter as HTMLButtonElement | null)?.value ?? 'export'
  if (address() === '') {
    errors.show([{ field: 'email', message: 'Enter their email address' }])
    return
  }
  if (action === 'erase') {
    errors.clear()
    byId('confirm-email').textContent = address()
    confirm.hidden = false
    byId('confirm-title').focus()
    return
  }
  try {
    await download(
      '/admin/subject-access/export',
      { json: { email: address() }, headers: staffAuthorization() },
      'subject-access.json',
    )
    errors.clear()
    byId('done-text').textContent = `Everything held about ${address()} has been downloaded.`
    done.hidden = false
    done.focus()
  } catch (error) {
    failed(error, 'The file could not be made.')
  }
})

byId('cancel-erase').addEventListener('click', () => {
  confirm.hidden = true
  byId<HTMLButtonElement>('erase').focus()
})

byId('confirm-erase').addEventListener('click', async () => {
  const email = address()
  try {
    const erased = await staffApi<Erased>('/admin/subject-access/erase', { json: { email, confirm: true } })
    errors.clear()
    confirm.hidden = true
    form.reset()
    byId('done-text').textContent =
      `Everything held about ${email} has been erased: ${erased.bookings} ${erased.bookings === 1 ? 'booking' : 'bookings'}, ` +
      `${erased.alerts} ${erased.alerts === 1 ? 'alert' : 'alerts'}, ${erased.emails} ${erased.emails === 1 ? 'email' : 'emails'}.`
    done.hidden = false
    done.focus()
  } catch (error) {
    confirm.hidden = true
    failed(error, 'Nothing was erased: try again.')
  }
})
