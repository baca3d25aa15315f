import type { QuestionnaireList, QuestionnaireView } from '@ey/contract'
import { labelOf, londonMoment, manageUrl, QUESTIONNAIRE_KIND_LABELS } from '@ey/presentation'
import { ApiProblem, api, bearer } from './lib/api.ts'
import { bookingKey } from './lib/booking.ts'
import { byId, fragmentParams, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import { type Answer, answersOf, questionGroup, restoreAnswers } from './lib/questions.ts'

const KINDS = ['pre', 'post', 'follow-up'] as const
type Kind = (typeof KINDS)[number]

const loading = byId('loading')
const form = byId<HTMLFormElement>('questionnaire-form')
const views = [loading, form, ...['missing', 'error', 'unavailable', 'done'].map((id) => byId(id))]

/** Shows one of the page's states and hides the others. */
function only(visible: HTMLElement): void {
  show(visible, ...views.filter((view) => view !== visible))
}

function unavailable(text: string): void {
  byId('unavailable').textContent = text
  only(byId('unavailable'))
}

async function start(): Promise<void> {
  const key = bookingKey()
  const kind = fragmentParams().get('kind') as Kind | null
  if (!key || !kind || !KINDS.includes(kind)) return only(byId('missing'))
  byId<HTMLAnchorElement>('manage-link').href = manageUrl('', key.id, key.token)
  const title = labelOf(QUESTIONNAIRE_KIND_LABELS, kind)
  byId('heading').textContent = title
  document.title = document.title.replace('Questionnaire', title)
  const base = `/bookings/${encodeURIComponent(key.id)}/questionnaires`
  const headers = bearer(key.token)
  let list: QuestionnaireList
  let view: QuestionnaireView
  try {
    ;[list, view] = await Promise.all([
      api<QuestionnaireList>(base, { headers }),
      api<QuestionnaireView>(`${base}/${kind}`, { headers }),
    ])
  } catch (error) {
    // An expired or replaced link (410) says why in its detail, and nothing of the booking.
    if (error instanceof ApiProblem && error.status === 410)
      return unavailable(`This link no longer works. ${error.message}`)
    return only(byId(error instanceof ApiProblem && error.status === 404 ? 'missing' : 'error'))
  }
  const window = list.items.find((item) => item.kind === kind)
  if (window?.status === 'answered')
    return unavailable('You have already answered this questionnaire. Thank you.')
  if (window?.status === 'not-open')
    return unavailable(
      `This questionnaire opens ${londonMoment(window.opensAt)}. We will email you when it does.`,
    )
  if (window?.status !== 'open') return unavailable('This questionnaire has closed.')

  const storageKey = `questionnaire:${key.id}:${kind}`
  byId('questions').replaceChildren(...view.items.map(questionGroup))
  const saved = sessionStorage.getItem(storageKey)
  if (saved) restoreAnswers(form, JSON.parse(saved) as Record<string, Answer>)
  only(form)
  form.addEventListener('input', () =>
    sessionStorage.setItem(storageKey, JSON.stringify(answersOf(form, view.items))),
  )
  const errors = new FormErrors(form)
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = byId<HTMLButtonElement>('submit')
    if (button.disabled) return
    button.disabled = true
    try {
      await api(`${base}/${kind}`, { method: 'PUT', json: { answers: answersOf(form, view.items) }, headers })
      sessionStorage.removeItem(storageKey)
      errors.clear()
      only(byId('done'))
      byId('done').focus()
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) errors.show(error.errors)
      else if (error instanceof ApiProblem && error.status === 409) unavailable(error.message)
      else errors.show([], 'Sorry, your answers could not be sent. Try again.')
    } finally {
      button.disabled = false
    }
  })
}

void start()
