import type { AdminCourseList, AdminSession, AdminSettings } from '@ey/contract'
import { reminderLeadLabel, sessionResultsUrl } from '@ey/presentation'
import { londonDateTime, saveFailureMessage, showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import { staffApi } from './staff-client.ts'

const MAX_PARTS = 12
const params = new URLSearchParams(location.search)
const editing = params.get('id')

const form = byId<HTMLFormElement>('session-form')
const parts = byId('parts')
const errors = new FormErrors(form)

const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value.trim() ?? ''
const setValue = (id: string, text: string) => {
  const control = document.getElementById(id) as HTMLInputElement | null
  if (control) control.value = text
}
const checked = (name: string) =>
  form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? ''
const check = (name: string, option: string) => {
  const radio = form.querySelector<HTMLInputElement>(`input[name="${name}"][value="${option}"]`)
  if (radio) radio.checked = true
}

/** `YYYY-MM-DD` from a GOV.UK date input, or what was typed when it is not a whole date. */
function dateOf(id: string): string {
  const [day, month, year] = [value(id), value(`${id}-month`), value(`${id}-year`)]
  if (!day && !month && !year) return ''
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

function setDate(id: string, iso: string): void {
  const [year = '', month = '', day = ''] = iso.split('-')
  setValue(id, String(Number(day)))
  setValue(`${id}-month`, String(Number(month)))
  setValue(`${id}-year`, year)
}

/** `16:00` from `16:00`, `16.00`, `1600` or `16`. */
function timeOf(id: string): string {
  const typed = value(id).replace('.', ':')
  const bare = typed.match(/^(\d{1,2})(\d{2})$/)
  if (bare) return `${bare[1]?.padStart(2, '0')}:${bare[2]}`
  const hour = typed.match(/^(\d{1,2})$/)
  if (hour) return `${hour[1]?.padStart(2, '0')}:00`
  const full = typed.match(/^(\d{1,2}):(\d{2})$/)
  return full ? `${full[1]?.padStart(2, '0')}:${full[2]}` : typed
}

/** Gives each part's controls their ids (`parts.<i>.date` …) so errors can name and link them. */
function numberParts(): void {
  const all = [...parts.querySelectorAll<HTMLElement>('.app-part')]
  all.forEach((part, i) => {
    const legend = part.querySelector('[data-part-legend]')
    if (legend) legend.textContent = all.length > 1 ? `Part ${i + 1}` : 'Date and time'
    for (const group of part.querySelectorAll<HTMLElement>('[data-part-field]')) {
      const field = `parts.${i}.${group.dataset.partField}`
      group.dataset.field = field
      const error = group.querySelector<HTMLElement>('[data-part-error]')
      if (error) error.id = `${field}-error`
      const hint = group.querySelector<HTMLElement>('[data-part-hint]')
      if (hint) hint.id = `${field}-hint`
      for (const input of group.querySelectorAll<HTMLInputElement>('[data-input]')) {
        const kind = input.dataset.input ?? ''
        input.id = kind === 'day' || kind === 'startTime' || kind === 'endTime' ? field : `${field}-${kind}`
        if (hint && (kind === 'startTime' || kind === 'day')) input.setAttribute('aria-describedby', hint.id)
      }
      for (const label of group.querySelectorAll<HTMLLabelElement>('[data-for]')) {
        const kind = label.dataset.for ?? ''
        label.htmlFor =
          kind === 'day' || kind === 'startTime' || kind === 'endTime' ? field : `${field}-${kind}`
      }
    }
    const remove = part.querySelector<HTMLButtonElement>('[data-remove]')
    if (remove) {
      remove.hidden = all.length === 1
      remove.replaceChildren(`Remove part ${i + 1}`)
    }
  })
  byId('add-part').hidden = all.length >= MAX_PARTS
}

function addPart(): HTMLElement {
  const template = byId<HTMLTemplateElement>('part-template')
  const part = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement
  part.querySelector('[data-remove]')?.addEventListener('click', () => {
    part.remove()
    numberParts()
  })
  parts.append(part)
  numberParts()
  return part
}

function showFormatSections(): void {
  const format = checked('format')
  byId('venue-section').hidden = format === '' || format === 'online'
  byId('joining-section').hidden = format === 'in-person'
  byId('bespoke-section').hidden = checked('audience') !== 'bespoke'
}

/** The reminder boxes: the page offers the usual choices, none ticked until the form loads. */
const reminderBoxes = () => [...form.querySelectorAll<HTMLInputElement>('input[name="reminderLeadsMinutes"]')]

/**
 * Ticks these reminders: the session's own, or the deployment's defaults (`GET /api/admin/settings`)
 * for a new session or one that sets none. A lead the form does not offer (set by an import or by
 * the deployment) gets a box of its own, so saving the form keeps it.
 */
function fillReminders(leads: readonly number[]): void {
  for (const box of reminderBoxes()) box.checked = leads.includes(Number(box.value))
  for (const lead of leads) {
    const boxes = reminderBoxes()
    const last = boxes.at(-1)?.closest('.govuk-checkboxes__item')
    if (!last || boxes.some((box) => Number(box.value) === lead)) continue
    const item = last.cloneNode(true) as HTMLElement
    const box = item.querySelector('input') as HTMLInputElement
    const label = item.querySelector('label') as HTMLLabelElement
    box.id = `reminderLeadsMinutes-${lead}`
    box.value = String(lead)
    box.checked = true
    label.htmlFor = box.id
    label.textContent = reminderLeadLabel(lead)
    last.after(item)
  }
}

function moment(prefix: string) {
  const date = dateOf(`${prefix}.date`)
  const time = timeOf(`${prefix}.time`)
  return date || time ? { date, time } : undefined
}

/** The form as the API's SessionInput. */
function input(): Record<string, unknown> {
  const count = parts.querySelectorAll('.app-part').length
  const format = checked('format')
  const capacity = value('capacity')
  const venue =
    format === 'in-person' || format === 'hybrid'
      ? {
          name: value('venue.name'),
          address: value('venue.address')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
          postcode: value('venue.postcode'),
          laCode: value('venue.laCode'),
          ...(value('venue.accessibility') ? { accessibility: value('venue.accessibility') } : {}),
        }
      : undefined
  return {
    courseId: value('courseId'),
    ...(value('title') ? { title: value('title') } : {}),
    parts: Array.from({ length: count }, (_, i) => ({
      date: dateOf(`parts.${i}.date`),
      startTime: timeOf(`parts.${i}.startTime`),
      endTime: timeOf(`parts.${i}.endTime`),
    })),
    ...(format ? { format } : {}),
    ...(venue ? { venue } : {}),
    ...(format !== 'in-person' && value('joiningUrl') ? { joiningUrl: value('joiningUrl') } : {}),
    capacity: /^\d+$/.test(capacity) ? Number(capacity) : capacity,
    trainerIds: value('trainerIds')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    ...(moment('bookingOpens') ? { bookingOpens: moment('bookingOpens') } : {}),
    ...(moment('bookingCloses') ? { bookingCloses: moment('bookingCloses') } : {}),
    bespokeLaCodes:
      checked('audience') === 'bespoke'
        ? [0, 1, 2].map((i) => value(`bespokeLaCodes.${i}`)).filter(Boolean)
        : [],
    reminderLeadsMinutes: reminderBoxes()
      .filter((box) => box.checked)
      .map((box) => Number(box.value)),
    status: checked('status') || 'draft',
  }
}

/** The API names nested fields by their full path; the form has a place for each, or for its parent. */
function placeOf(field: string): string {
  if (field === 'venue') return 'venue.name'
  if (field === 'parts') return 'parts.0.date'
  if (field === 'bespokeLaCodes') return 'bespokeLaCodes.0'
  if (/^(venue\.address|trainerIds|reminderLeadsMinutes)\.\d+$/.test(field))
    return field.replace(/\.\d+$/, '')
  if (/^parts\.\d+$/.test(field)) return `${field}.date`
  return field
}

function fill(session: AdminSession, defaultLeads: readonly number[]): void {
  setValue('courseId', session.courseId)
  setValue('title', session.title)
  parts.replaceChildren()
  session.parts.forEach((part, i) => {
    addPart()
    const start = londonDateTime(part.startsAt)
    setDate(`parts.${i}.date`, start.date)
    setValue(`parts.${i}.startTime`, start.time)
    setValue(`parts.${i}.endTime`, londonDateTime(part.endsAt).time)
  })
  check('format', session.format)
  if (session.venue) {
    setValue('venue.name', session.venue.name)
    setValue('venue.address', session.venue.address.join('\n'))
    setValue('venue.postcode', session.venue.postcode)
    setValue('venue.laCode', session.venue.laCode)
    setValue('venue.accessibility', session.venue.accessibility ?? '')
  }
  setValue('joiningUrl', session.joiningUrl ?? '')
  setValue('capacity', String(session.capacity))
  setValue('trainerIds', session.trainerIds.join(', '))
  for (const [prefix, iso] of [
    ['bookingOpens', session.bookingOpensAt],
    ['bookingCloses', session.bookingClosesAt],
  ] as const) {
    if (!iso) continue
    const { date, time } = londonDateTime(iso)
    setDate(`${prefix}.date`, date)
    setValue(`${prefix}.time`, time)
  }
  check('audience', session.bespokeLaCodes.length > 0 ? 'bespoke' : 'all')
  session.bespokeLaCodes.slice(0, 3).forEach((code, i) => {
    setValue(`bespokeLaCodes.${i}`, code)
  })
  fillReminders(session.reminderLeadsMinutes ?? defaultLeads)
  check('status', session.status === 'published' ? 'published' : 'draft')
  showFormatSections()
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const button = byId<HTMLButtonElement>('submit')
  button.disabled = true
  try {
    const session = await staffApi<AdminSession>(
      editing ? `/admin/sessions/${encodeURIComponent(editing)}` : '/admin/sessions',
      {
        method: editing ? 'PUT' : 'POST',
        json: input(),
      },
    )
    location.assign(
      `/staff/admin/?${new URLSearchParams({ done: editing ? 'saved' : 'created', id: session.id })}`,
    )
  } catch (error) {
    button.disabled = false
    if (error instanceof ApiProblem && error.errors.length > 0) {
      errors.show(error.errors.map((e) => ({ field: placeOf(e.field), message: e.message })))
    } else {
      errors.show([], saveFailureMessage(error))
    }
  }
}

async function main(): Promise<void> {
  const loading = byId('loading')
  try {
    const [{ items: courses }, settings, session] = await Promise.all([
      staffApi<AdminCourseList>('/admin/courses'),
      staffApi<AdminSettings>('/admin/settings'),
      editing
        ? staffApi<AdminSession>(`/admin/sessions/${encodeURIComponent(editing)}`)
        : Promise.resolve(undefined),
    ])
    byId('courseId').append(...courses.map((course) => h('option', { value: course.id }, course.title)))
    if (session) {
      document.title = document.title.replace('Schedule a session', 'Change a session')
      byId('heading').textContent = 'Change a session'
      byId('reschedule-note').hidden = false
      byId<HTMLAnchorElement>('results-href').href = sessionResultsUrl('', session.id)
      byId('results-link').hidden = false
      fill(session, settings.reminderLeadsMinutes)
    } else {
      addPart()
      fillReminders(settings.reminderLeadsMinutes)
    }
    byId('add-part').addEventListener('click', () => {
      const part = addPart()
      part.querySelector<HTMLInputElement>('input')?.focus()
    })
    form.addEventListener('change', showFormatSections)
    form.addEventListener('submit', (event) => void submit(event))
    showFormatSections()
    show(form, loading)
  } catch (error) {
    showAdminLoadFailure(error, { hide: [loading] })
  }
}

void main()
