import type { SessionImportPreview } from '@ey/contract'
import { londonDate, londonTime } from '@ey/presentation'
import { saveFailureMessage } from './lib/admin-page.ts'
import { byId, h, tag } from './lib/dom.ts'
import { download } from './lib/download.ts'
import { FormErrors } from './lib/form-errors.ts'
import { staffApi, staffAuthorization } from './staff-client.ts'

type PreviewRow = SessionImportPreview['rows'][number]

const form = byId<HTMLFormElement>('upload-form')
const errors = new FormErrors(form)
let checkedCsv: string | undefined

async function downloadTemplate(): Promise<void> {
  try {
    const call = { headers: { ...staffAuthorization(), Accept: 'text/csv' } }
    await download('/admin/sessions/import/template.csv', call, 'sessions-template.csv')
  } catch (error) {
    errors.show([], saveFailureMessage(error))
  }
}

function rowOf(row: PreviewRow): HTMLElement {
  const start = row.startsAt ? `, ${londonDate(row.startsAt)}, ${londonTime(row.startsAt)}` : ''
  const session = row.title ? `${row.title}${start}` : (row.courseId ?? '')
  return h(
    'tr',
    { class: 'govuk-table__row' },
    h('td', { class: 'govuk-table__cell' }, String(row.row)),
    h('td', { class: 'govuk-table__cell' }, session),
    h(
      'td',
      { class: 'govuk-table__cell' },
      row.errors.length === 0
        ? tag('Ready', 'green')
        : h(
            'ul',
            { class: 'govuk-list' },
            ...row.errors.map((e) => h('li', {}, `${e.column}: ${e.message}`)),
          ),
    ),
  )
}

async function check(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  checkedCsv = undefined
  byId('preview').hidden = true
  const file = byId<HTMLInputElement>('file').files?.[0]
  if (!file) {
    errors.show([{ field: 'file', message: 'Select a CSV file' }])
    return
  }
  const csv = await file.text()
  try {
    const preview = await staffApi<SessionImportPreview>('/admin/sessions/import/preview', { csv })
    errors.clear()
    byId('preview-rows').replaceChildren(...preview.rows.map(rowOf))
    const bad = preview.rows.length - preview.valid
    byId('preview-heading').textContent =
      bad === 0 && preview.fileErrors.length === 0
        ? `${preview.valid} ${preview.valid === 1 ? 'session is' : 'sessions are'} ready to import`
        : 'Nothing can be imported yet'
    byId('preview').hidden = false
    if (preview.fileErrors.length > 0 || bad > 0) {
      errors.show(
        [
          ...preview.fileErrors.map((message) => ({ field: 'file', message })),
          ...preview.rows.flatMap((row) =>
            row.errors.map((e) => ({
              field: `row-${row.row}`,
              message: `Row ${row.row}, ${e.column}: ${e.message}`,
            })),
          ),
        ],
        'Correct the rows below in your file, then upload it again.',
      )
      byId('import').hidden = true
      return
    }
    checkedCsv = csv
    const button = byId('import')
    button.textContent = `Import ${preview.valid} ${preview.valid === 1 ? 'session' : 'sessions'}`
    button.hidden = false
  } catch (error) {
    errors.show([], saveFailureMessage(error))
  }
}

async function importAll(button: HTMLButtonElement): Promise<void> {
  if (!checkedCsv) return
  button.disabled = true
  try {
    await staffApi('/admin/sessions/import', { csv: checkedCsv })
    location.assign('/staff/admin/?done=imported')
  } catch (error) {
    button.disabled = false
    errors.show([], saveFailureMessage(error))
  }
}

form.addEventListener('submit', (event) => void check(event))
byId('template').addEventListener('click', () => void downloadTemplate())
const importButton = byId<HTMLButtonElement>('import')
importButton.addEventListener('click', () => void importAll(importButton))
