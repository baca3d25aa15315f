import type { AlertStopped } from '@ey/contract'
import { ApiProblem, api, bearer } from './lib/api.ts'
import { byId, fragmentParams, show } from './lib/dom.ts'

// Opening the page changes nothing (link scanners open links): only the button stops the alert.
const params = fragmentParams()
const id = params.get('id')
const token = params.get('token')
const ask = byId('ask')
const button = byId<HTMLButtonElement>('stop')
const failure = byId('stop-error')

if (!id || !token) show(byId('missing'), ask)

button.addEventListener('click', async () => {
  if (!id || !token || button.disabled) return
  button.disabled = true
  try {
    const answer = await api<AlertStopped>(`/alerts/${encodeURIComponent(id)}/stop`, {
      method: 'POST',
      headers: bearer(token),
    })
    byId('stopped-text').textContent = answer.course
      ? `We will not email you about new dates of ${answer.course.title}.`
      : 'We will not email you about new dates of this course.'
    failure.hidden = true
    document.title = 'Alert stopped – Early years SEND training'
    show(byId('stopped'), ask)
    byId('stopped-heading').focus()
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) {
      failure.hidden = true
      show(byId('missing'), ask)
      return
    }
    byId('stop-error-text').textContent =
      'Sorry, there is a problem with the service. Try again in a few minutes.'
    failure.hidden = false
    failure.focus()
  } finally {
    button.disabled = false
  }
})
