import type { MaterialList, MaterialUploadTicket, MaterialView } from '@ey/contract'
import { staffApi } from '../staff-client.ts'
import { ApiProblem } from './api.ts'
import { byId, h } from './dom.ts'
import { materialLine } from './material-items.ts'

/** Which control each field of the API's errors belongs to, per form. */
const FILE_FIELDS: Record<string, string> = {
  fileName: 'material-file',
  contentType: 'material-file',
  size: 'material-file',
  title: 'material-file-title',
}
const LINK_FIELDS: Record<string, string> = { title: 'material-link-title', url: 'material-link-url' }

/** Shows errors in the GOV.UK pattern: the summary linking to each control, and each control's message. */
function showErrors(errors: { control: string; message: string }[]): void {
  clearErrors()
  const summary = byId('materials-errors')
  byId('materials-errors-list').replaceChildren(
    ...errors.map(({ control, message }) => h('li', {}, h('a', { href: `#${control}` }, message))),
  )
  for (const { control, message } of errors) {
    byId(`${control}-group`).classList.add('govuk-form-group--error')
    const slot = byId(`${control}-error`)
    slot.replaceChildren(h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ` ${message}`)
    slot.hidden = false
    const input = byId(control)
    input.setAttribute('aria-describedby', [...describedBy(control), `${control}-error`].join(' '))
    if (input.classList.contains('govuk-input')) input.classList.add('govuk-input--error')
  }
  summary.hidden = false
  summary.focus()
}

/** The control's hint, when it has one: what describes it without an error. */
function describedBy(control: string): string[] {
  return document.getElementById(`${control}-hint`) ? [`${control}-hint`] : []
}

function clearErrors(): void {
  byId('materials-errors').hidden = true
  for (const group of document.querySelectorAll('#materials .govuk-form-group--error')) {
    group.classList.remove('govuk-form-group--error')
    const slot = group.querySelector<HTMLElement>('.govuk-error-message')
    if (slot) slot.hidden = true
    const input = group.querySelector<HTMLElement>('input')
    if (!input) continue
    input.classList.remove('govuk-input--error')
    const hint = describedBy(input.id)
    if (hint.length > 0) input.setAttribute('aria-describedby', hint.join(' '))
    else input.removeAttribute('aria-describedby')
  }
}

/** The API's field errors on this form's controls; a problem without fields as one line on the first. */
function errorsOf(error: unknown, fields: Record<string, string>, first: string) {
  if (error instanceof ApiProblem && error.errors.length > 0) {
    return error.errors.map(({ field, message }) => ({ control: fields[field] ?? first, message }))
  }
  const message =
    error instanceof ApiProblem && error.status > 0 && error.status < 500
      ? error.message
      : 'Sorry, that did not work. Try again in a few minutes.'
  return [{ control: first, message }]
}

/** Sends the file to its signed link, reporting progress; resolves once the storage has it. */
function sendFile(
  ticket: MaterialUploadTicket,
  file: File,
  progress: (percent: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(ticket.method, ticket.url)
    for (const [name, value] of Object.entries(ticket.headers)) xhr.setRequestHeader(name, value)
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress(Math.round((event.loaded / event.total) * 100))
    })
    xhr.addEventListener('load', () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiProblem(0)),
    )
    xhr.addEventListener('error', () => reject(new ApiProblem(0)))
    xhr.send(file)
  })
}

/**
 * Wires the materials section (`MaterialsEditor.astro`) to the owner's routes at `base`
 * (`/trainer/sessions/{id}/materials` or `/admin/courses/{id}/materials`) and shows it.
 */
export async function wireMaterialsEditor(base: string): Promise<void> {
  const status = byId('materials-status')
  const list = byId('materials-list')

  const render = (items: MaterialView[]) => {
    if (items.length === 0) {
      list.replaceChildren(h('p', { class: 'govuk-body', id: 'materials-empty' }, 'No materials yet.'))
      return
    }
    list.replaceChildren(
      h(
        'ul',
        { class: 'govuk-list', id: 'materials-items' },
        ...items.map((item) => {
          const remove = h(
            'button',
            {
              type: 'button',
              class: 'govuk-button govuk-button--warning govuk-!-margin-bottom-0 govuk-!-margin-left-2',
            },
            'Remove',
            h('span', { class: 'govuk-visually-hidden' }, ` ${item.title}`),
          )
          remove.addEventListener('click', async () => {
            try {
              await staffApi(`${base}/${encodeURIComponent(item.id)}`, { method: 'DELETE' })
              status.textContent = `${item.title} removed.`
              await refresh()
            } catch (error) {
              showErrors(errorsOf(error, {}, 'material-link-title'))
            }
          })
          return materialLine(item, ' ', remove)
        }),
      ),
    )
  }
  const refresh = async () => render((await staffApi<MaterialList>(base)).items)

  const fileForm = byId<HTMLFormElement>('material-file-form')
  fileForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearErrors()
    const file = byId<HTMLInputElement>('material-file').files?.[0]
    const title = byId<HTMLInputElement>('material-file-title').value.trim()
    const missing = [
      ...(file ? [] : [{ control: 'material-file', message: 'Choose a file to upload' }]),
      ...(title ? [] : [{ control: 'material-file-title', message: 'Enter a title' }]),
    ]
    if (!file || missing.length > 0) return showErrors(missing)
    const submit = byId<HTMLButtonElement>('material-file-submit')
    submit.disabled = true
    try {
      const described = {
        fileName: file.name,
        contentType: file.type || 'application/octet-stream',
        size: file.size,
      }
      const ticket = await staffApi<MaterialUploadTicket>(`${base}/uploads`, { json: described })
      status.textContent = 'Uploading: 0%'
      await sendFile(ticket, file, (percent) => {
        status.textContent = `Uploading: ${percent}%`
      })
      const audience = byId<HTMLInputElement>('material-file-public').checked ? 'public' : 'booked'
      await staffApi(`${base}/files`, { json: { key: ticket.key, ...described, title, audience } })
      fileForm.reset()
      status.textContent = `${title} uploaded.`
      await refresh()
    } catch (error) {
      status.textContent = ''
      showErrors(errorsOf(error, FILE_FIELDS, 'material-file'))
    } finally {
      submit.disabled = false
    }
  })

  const linkForm = byId<HTMLFormElement>('material-link-form')
  linkForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearErrors()
    const title = byId<HTMLInputElement>('material-link-title').value
    const url = byId<HTMLInputElement>('material-link-url').value
    const audience = byId<HTMLInputElement>('material-link-public').checked ? 'public' : 'booked'
    try {
      await staffApi(`${base}/links`, { json: { title, url, audience } })
      linkForm.reset()
      status.textContent = `${title.trim()} added.`
      await refresh()
    } catch (error) {
      showErrors(errorsOf(error, LINK_FIELDS, 'material-link-title'))
    }
  })

  await refresh()
  byId('materials').hidden = false
}
