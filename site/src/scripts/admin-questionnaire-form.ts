import type { FieldError, TemplateView } from '@ey/contract'
import { saveFailureMessage, showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem } from './lib/api.ts'
import { byId, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import {
  blankDraft,
  draftOf,
  itemOf,
  type QuestionDraft,
  questionFieldset,
  readQuestion,
} from './lib/question-editor.ts'
import { staffApi } from './staff-client.ts'

const editing = new URLSearchParams(location.search).get('id')
const form = byId<HTMLFormElement>('template-form')
const questions = byId('questions')
const errors = new FormErrors(form)
let drafts: QuestionDraft[] = [blankDraft()]

/** Reads every question's fields back, so a change of order or type keeps what was typed. */
function collect(): void {
  drafts = drafts.map((draft, n) => readQuestion(form, n, draft))
}

function render(): void {
  questions.replaceChildren(...drafts.map((draft, n) => questionFieldset(n, drafts.length, draft)))
}

/** Focuses a control of question `n` after the list was drawn again (its buttons may have moved). */
function focusQuestion(n: number, control: string): void {
  const target = document.getElementById(`items.${n}.${control}`) as HTMLElement | null
  target?.focus()
}

questions.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')
  if (!button) return
  collect()
  const n = Number(button.dataset.index)
  const to = button.dataset.action === 'up' ? n - 1 : n + 1
  if (button.dataset.action === 'remove') {
    drafts.splice(n, 1)
    render()
    focusQuestion(Math.min(n, drafts.length - 1), 'text')
    return
  }
  const [moved] = drafts.splice(n, 1)
  if (moved) drafts.splice(to, 0, moved)
  render()
  focusQuestion(to, 'text')
})

questions.addEventListener('change', (event) => {
  const target = event.target as HTMLElement
  const n = /^items\.(\d+)\.type$/.exec(target.id)?.[1]
  if (n === undefined) return
  collect()
  render()
  focusQuestion(Number(n), 'type')
})

byId('items').addEventListener('click', () => {
  collect()
  drafts.push(blankDraft())
  render()
  focusQuestion(drafts.length - 1, 'text')
})

/**
 * The API's field errors on the form's fields: an id is written by the page, so its error goes to
 * the question's wording; an option's error to the options box.
 */
function onForm(fieldErrors: readonly FieldError[]): FieldError[] {
  return fieldErrors.map(({ field, message }) => {
    const id = /^items\.(\d+)\.id$/.exec(field)
    if (id) return { field: `items.${id[1]}.text`, message }
    let shown = field
    while (shown.includes('.') && !form.querySelector(`[data-field="${CSS.escape(shown)}"]`)) {
      shown = shown.slice(0, shown.lastIndexOf('.'))
    }
    return { field: shown, message }
  })
}

function body(): Record<string, unknown> {
  collect()
  const name = byId<HTMLInputElement>('name').value.trim()
  const items = drafts.map(itemOf)
  if (editing) return { name, items }
  const kind = form.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value
  return { ...(kind ? { kind } : {}), name, items }
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const button = byId<HTMLButtonElement>('submit')
  button.disabled = true
  try {
    const saved = await staffApi<TemplateView>(
      editing ? `/admin/questionnaires/${encodeURIComponent(editing)}` : '/admin/questionnaires',
      { method: editing ? 'PUT' : 'POST', json: body() },
    )
    location.assign(
      `/staff/admin/questionnaires/template/?${new URLSearchParams({ id: saved.id, done: editing ? 'saved' : 'created' })}`,
    )
  } catch (error) {
    button.disabled = false
    if (error instanceof ApiProblem && error.errors.length > 0) errors.show(onForm(error.errors))
    else errors.show([], saveFailureMessage(error))
  }
}

async function main(): Promise<void> {
  const loading = byId('loading')
  try {
    if (editing) {
      const template = await staffApi<TemplateView>(`/admin/questionnaires/${encodeURIComponent(editing)}`)
      const title = `Edit ${template.name}`
      document.title = document.title.replace('Add a questionnaire template', title)
      byId('heading').textContent = title
      byId<HTMLAnchorElement>('back').href =
        `/staff/admin/questionnaires/template/?${new URLSearchParams({ id: editing })}`
      byId('kind-field').hidden = true
      byId('versioning').hidden = false
      byId<HTMLInputElement>('name').value = template.name
      byId('submit').textContent = 'Save as a new version'
      drafts = template.items.map(draftOf)
    }
    render()
    form.addEventListener('submit', (event) => void submit(event))
    show(form, loading)
  } catch (error) {
    showAdminLoadFailure(error, { notFound: 'There is no such template.', hide: [loading] })
  }
}

void main()
