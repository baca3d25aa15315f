import { ApiProblem, api } from './lib/api.ts'
import { byId, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'

const form = byId<HTMLFormElement>('lookup-form')
const submit = byId<HTMLButtonElement>('submit')
const errors = new FormErrors(form)

// The booking page links here with `?new-links` when its link has expired or been replaced.
if (new URLSearchParams(location.search).has('new-links'))
  byId<HTMLInputElement>('what-new-links').checked = true

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  if (submit.disabled) return
  const email = byId<HTMLInputElement>('email').value.trim()
  const newLinks = byId<HTMLInputElement>('what-new-links').checked
  submit.disabled = true
  try {
    await api('/bookings/lookup', { json: newLinks ? { email, newLinks } : { email } })
    errors.clear()
    byId('sent-to').textContent = email
    byId('sent-new-links-to').textContent = email
    byId('sent-list').hidden = newLinks
    byId('sent-new-links').hidden = !newLinks
    document.title = 'Check your email – Early years SEND training'
    show(byId('sent'), byId('ask'))
    byId('sent-heading').focus()
  } catch (error) {
    const problem = error instanceof ApiProblem ? error : new ApiProblem(0)
    if (problem.errors.length > 0 && problem.status === 400) errors.show(problem.errors)
    else errors.show([], 'Sorry, there is a problem with the service. Try again in a few minutes.')
  } finally {
    submit.disabled = false
  }
})
