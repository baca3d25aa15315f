import type { CertificateVerification } from '@ey/contract'
import { ApiProblem, api } from './lib/api.ts'
import { byId, summaryList } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'

const form = byId<HTMLFormElement>('verify-form')
const input = byId<HTMLInputElement>('code')
const submit = byId<HTMLButtonElement>('submit')
const found = byId('found')
const notFound = byId('not-found')
const errors = new FormErrors(form)

/** Checks the typed code (any case, spaces allowed: the API reads it as printed) and shows what it finds. */
async function check(typed: string): Promise<void> {
  found.hidden = true
  notFound.hidden = true
  const code = typed.trim()
  if (!code) return errors.show([{ field: 'code', message: 'Enter the certificate code' }])
  if (submit.disabled) return
  submit.disabled = true
  try {
    const certificate = await api<CertificateVerification>(`/certificates/${encodeURIComponent(code)}`)
    errors.clear()
    byId('found-details').replaceChildren(
      summaryList([
        ['Name', certificate.name],
        ['Course', certificate.course],
        ['Date', certificate.date],
      ]),
    )
    found.hidden = false
    byId('found-heading').focus()
  } catch (error) {
    const problem = error instanceof ApiProblem ? error : new ApiProblem(0)
    if (problem.status === 404) {
      errors.clear()
      notFound.hidden = false
      byId('not-found-heading').focus()
    } else if (problem.status === 400 && problem.errors.length > 0) errors.show(problem.errors)
    else errors.show([], 'Sorry, there is a problem with the service. Try again in a few minutes.')
  } finally {
    submit.disabled = false
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const code = input.value.trim()
  // The address then names the code checked, as the certificate's printed link does.
  history.replaceState(null, '', code ? `?${new URLSearchParams({ code })}` : location.pathname)
  void check(code)
})

const linked = new URLSearchParams(location.search).get('code')
if (linked) {
  input.value = linked
  void check(linked)
}
