import type {
  AttendanceCodeView,
  AttendanceMark,
  RegisterChange,
  RegisterView,
  StaffPrincipal,
} from '@ey/contract'
import { londonDate, londonPart, londonTime } from '@ey/presentation'
import { ApiProblem } from './lib/api.ts'
import { byId, h, show, tag } from './lib/dom.ts'
import { wireMaterialsEditor } from './lib/materials-editor.ts'
import { RegisterQueue } from './lib/register-queue.ts'
import { wireReport } from './lib/register-report.ts'
import { partsNav, personRow, plainList } from './lib/register-rows.ts'
import { staffApi } from './staff-client.ts'

const params = new URLSearchParams(location.search)
const sessionId = params.get('id') ?? ''
const part = Number(params.get('part') ?? '0')
const base = `/trainer/sessions/${encodeURIComponent(sessionId)}/parts/${part}/register`
const loading = byId('loading')
const actionError = byId('action-error')
let view: RegisterView | undefined

/** Whether a failure was the network's (so the change should wait on the device), not the API's answer. */
function isNetworkError(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 0 || error.status >= 500)
}

const queue = new RegisterQueue<RegisterView>({
  sessionId,
  part,
  send: (changes) => staffApi<RegisterView>(`${base}/changes`, { json: { changes } }),
  isNetworkError,
})

/** A change key unique on this device and across devices. */
function newKey(): string {
  return crypto.randomUUID()
}

/** The mark a person shows: their last queued mark, else the register's. */
function shownMark(subject: string, saved: string | undefined): string | undefined {
  let mark = saved
  for (const change of queue.pending()) {
    if (change.kind === 'mark' && change.subject === subject) mark = change.mark
    if (change.kind === 'confirm-check-in' && change.subject === subject) mark = 'present'
  }
  return mark
}

function waiting(subject: string): boolean {
  return queue.pending().some((change) => 'subject' in change && change.subject === subject)
}

function syncStatus(): void {
  const count = queue.pending().length
  byId('sync').replaceChildren(
    count === 0
      ? tag('All changes saved', 'green')
      : tag(`${count} ${count === 1 ? 'change' : 'changes'} waiting to be sent`, 'orange'),
    count === 0
      ? ''
      : navigator.onLine
        ? ' Sending…'
        : ' You are offline: they are kept on this device and sent when you are back online.',
  )
  for (const row of document.querySelectorAll<HTMLElement>('[data-subject]')) {
    const state = row.querySelector('.app-register__state')
    if (state) state.textContent = waiting(row.dataset.subject ?? '') ? 'Waiting to send' : ''
  }
}

function fail(error: unknown): void {
  const message =
    error instanceof ApiProblem && error.code === 'register-locked'
      ? 'This register is locked, so the change was not saved. Ask an administrator to reopen it.'
      : error instanceof ApiProblem && error.status > 0 && error.status < 500
        ? (error.errors[0]?.message ?? error.message)
        : 'Sorry, there is a problem with the service. Try again in a few minutes.'
  byId('action-error-text').textContent = message
  actionError.hidden = false
  actionError.focus()
}

async function send(...changes: RegisterChange[]): Promise<void> {
  actionError.hidden = true
  const pendingSend = queue.add(...changes)
  syncStatus()
  const outcome = await pendingSend
  if (outcome.outcome === 'sent') update(outcome.result)
  if (outcome.outcome === 'refused') fail(outcome.error)
  syncStatus()
}

function render(register: RegisterView): void {
  view = register
  const { session, locked } = register
  const current = session.parts[register.part]
  const caption = byId('caption')
  caption.textContent = `${session.title}${current ? ` – ${londonPart(current)}` : ''}`
  caption.hidden = false
  document.title = `Register${session.parts.length > 1 ? `, part ${register.part + 1}` : ''} – ${session.title}`
  byId('parts').replaceChildren(partsNav(register, sessionId))
  byId('locked').hidden = !locked
  if (locked) void offerReopening()
  byId('locked-text').textContent = locked
    ? `This register locked on ${londonDate(register.locksAt)}, 14 days after the session ended. Only an administrator can reopen it.`
    : ''
  byId('all-present').hidden = locked || register.booked.length === 0
  byId('walk-in-form').hidden = locked
  byId('booked-heading').textContent = `Booked (${register.booked.length})`
  byId('booked').replaceChildren(
    ...(register.booked.length > 0
      ? register.booked.map((person) =>
          personRow(person, person.bookingId, { mark: shownMark(person.bookingId, person.mark), locked }),
        )
      : [h('p', { class: 'govuk-body' }, 'Nobody has a place yet.')]),
  )
  byId('walk-ins').replaceChildren(
    ...(register.walkIns.length > 0
      ? register.walkIns.map((walkIn) =>
          personRow(walkIn, walkIn.id, { mark: shownMark(walkIn.id, walkIn.mark), locked }),
        )
      : [h('p', { class: 'govuk-body' }, 'No walk-ins.')]),
  )
  byId('waiting').replaceChildren(
    plainList(register.waiting, 'Nobody is waiting.', (p) =>
      p.status === 'offered' ? 'offered a place' : 'waiting',
    ),
  )
  byId('late').replaceChildren(
    plainList(register.lateCancelled, 'No late cancellations.', () => 'cancelled late'),
  )
  const online = session.format !== 'in-person'
  byId('code-panel').hidden = !online || locked
  byId('report-panel').hidden = !online || locked
  showCode(register.code)
  renderAudit(register)
  syncStatus()
  show(byId('register'), loading)
}

/** After a save, only what the server adds is redrawn, so focus and open notes stay where they are. */
function update(register: RegisterView): void {
  const known = new Set(view?.walkIns.map((w) => w.id))
  const checkIns = (r: RegisterView) => r.booked.map((p) => `${p.checkIn?.at}${p.checkIn?.confirmed}`).join()
  if (
    !view ||
    register.walkIns.some((w) => !known.has(w.id)) ||
    checkIns(register) !== checkIns(view) ||
    register.locked !== view.locked
  ) {
    const focused = document.activeElement?.id
    render(register)
    if (focused) document.getElementById(focused)?.focus()
    return
  }
  view = register
  renderAudit(register)
}

function renderAudit(register: RegisterView): void {
  const names = new Map<string, string>([
    ...register.booked.map((p) => [p.bookingId, p.name] as [string, string]),
    ...register.walkIns.map((w) => [w.id, w.name] as [string, string]),
  ])
  byId('audit').replaceChildren(
    ...register.audit
      .slice()
      .reverse()
      .map((entry) =>
        h(
          'li',
          {},
          `${londonDate(entry.at)} ${londonTime(entry.at)}: ${entry.by} – ${entry.action}${entry.subject ? ` ${names.get(entry.subject) ?? ''}` : ''}${entry.value && entry.action === 'mark' ? ` (${entry.value})` : ''}`,
        ),
      ),
  )
}

function showCode(code: RegisterView['code'] | undefined): void {
  const shown = byId('code')
  shown.hidden = !code
  shown.textContent = code ? `${code.value.slice(0, 3)} ${code.value.slice(3)}` : ''
  byId('code-expiry').textContent = code ? `Works until ${londonTime(code.expiresAt)}.` : ''
}

/** An administrator may reopen a locked register; the API checks the role again. */
async function offerReopening(): Promise<void> {
  const me = await staffApi<StaffPrincipal>('/staff/me').catch(() => undefined)
  byId('reopen').hidden = !me?.roles.includes('admin')
}

function wire(): void {
  byId('reopen').addEventListener('click', async () => {
    try {
      await staffApi(`/admin/sessions/${encodeURIComponent(sessionId)}/register/reopen`, { method: 'POST' })
      render(await staffApi<RegisterView>(base))
    } catch (error) {
      fail(error)
    }
  })
  document.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement
    const subject = input.dataset.markFor
    if (!subject || !input.checked) return
    void send({ kind: 'mark', key: newKey(), subject, mark: input.value as AttendanceMark })
  })
  document.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement
    const subject = form.dataset.noteFor
    if (!subject) return
    event.preventDefault()
    const note = (form.querySelector('textarea') as HTMLTextAreaElement).value.trim()
    void send({ kind: 'note', key: newKey(), subject, note })
  })
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-confirm-for]')
    const subject = button?.dataset.confirmFor
    if (!subject) return
    void send({ kind: 'confirm-check-in', key: newKey(), subject })
  })
  byId('all-present').addEventListener('click', () => {
    if (!view) return
    const unmarked = view.booked.filter((p) => !shownMark(p.bookingId, p.mark))
    for (const person of unmarked) {
      const radio = document.getElementById(`mark-${person.bookingId}-present`) as HTMLInputElement | null
      if (radio) radio.checked = true
    }
    if (unmarked.length > 0) {
      void send(
        ...unmarked.map((p) => ({
          kind: 'mark' as const,
          key: newKey(),
          subject: p.bookingId,
          mark: 'present' as const,
        })),
      )
    }
  })
  byId<HTMLFormElement>('walk-in-form').addEventListener('submit', (event) => {
    event.preventDefault()
    const nameInput = byId<HTMLInputElement>('walk-in-name')
    const name = nameInput.value.trim()
    const error = byId('walk-in-name-error')
    byId('walk-in-name-group').classList.toggle('govuk-form-group--error', !name)
    error.hidden = Boolean(name)
    error.replaceChildren(
      ...(name
        ? []
        : [h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ' Enter the name of the person']),
    )
    if (!name) return nameInput.focus()
    const settingName = byId<HTMLInputElement>('walk-in-setting').value.trim()
    const id = `walkin-${newKey()}`
    nameInput.value = ''
    byId<HTMLInputElement>('walk-in-setting').value = ''
    void send(
      { kind: 'walk-in', key: newKey(), walkIn: { id, name, ...(settingName ? { settingName } : {}) } },
      { kind: 'mark', key: newKey(), subject: id, mark: 'present' },
    )
  })
  byId<HTMLButtonElement>('show-code').addEventListener('click', async () => {
    try {
      const code = await staffApi<AttendanceCodeView>(`${base}/code`, { method: 'POST' })
      showCode({ value: code.code, expiresAt: code.expiresAt })
    } catch (error) {
      fail(error)
    }
  })
  wireReport(base, send)
  window.addEventListener('online', () => void send())
  window.addEventListener('offline', syncStatus)
}

async function main(): Promise<void> {
  if (!sessionId) return show(byId('error'), loading)
  wire()
  try {
    render(await staffApi<RegisterView>(base))
    void wireMaterialsEditor(`/trainer/sessions/${encodeURIComponent(sessionId)}/materials`)
    // Marks queued in an earlier visit (or before a reload while offline) go now if they can.
    if (queue.pending().length > 0) void send()
  } catch (error) {
    if (error instanceof ApiProblem && [401, 403, 404].includes(error.status)) {
      byId('error-text').replaceChildren(
        error.status === 401
          ? 'Sign in to open this register. '
          : error.status === 403
            ? 'Only the trainers of this session and administrators can open its register. '
            : 'There is no such session. ',
        h('a', { class: 'govuk-link', href: '/staff/sessions/' }, 'Go to my sessions'),
      )
    }
    show(byId('error'), loading)
  }
}

void main()
