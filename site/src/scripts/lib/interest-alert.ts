import type { InterestAlertAnswer } from '@ey/contract'
import { ApiProblem, api } from './api.ts'
import { byId, show } from './dom.ts'
import { FormErrors } from './form-errors.ts'
import { enhanceLaPickersOnUse } from './la-picker.ts'

/**
 * Shows the page's interest alert form (the `InterestAlertForm` component) for a course and sends
 * it: the answer is the same whether or not the address already had an alert, so the page says
 * the same too. When the address asks for it (`#interest-alert`), the form is brought into view.
 */
export function offerInterestAlert(courseId: string): void {
  const section = byId('interest-alert')
  const form = byId<HTMLFormElement>('interest-alert-form')
  const submit = byId<HTMLButtonElement>('interest-alert-submit')
  const heading = byId('interest-alert-heading')
  const errors = new FormErrors(form)
  section.hidden = false
  enhanceLaPickersOnUse()
  if (location.hash === '#interest-alert') {
    section.scrollIntoView()
    heading.focus({ preventScroll: true })
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (submit.disabled) return
    // FormData reads the select behind the LA autocomplete (the visible input has no name).
    const data = new FormData(form)
    const text = (name: string) => {
      const value = data.get(name)
      return typeof value === 'string' ? value : undefined
    }
    submit.disabled = true
    try {
      const answer = await api<InterestAlertAnswer>(`/courses/${encodeURIComponent(courseId)}/alerts`, {
        json: { email: text('email'), laCode: text('laCode'), scope: text('scope') },
      })
      errors.clear()
      byId('interest-alert-answer').textContent = answer.message
      show(byId('interest-alert-done'), byId('interest-alert-ask'))
      heading.focus()
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0)
      if (problem.status === 400 && problem.errors.length > 0) errors.show(problem.errors)
      else errors.show([], 'Sorry, there is a problem with the service. Try again in a few minutes.')
    } finally {
      submit.disabled = false
    }
  })
}
