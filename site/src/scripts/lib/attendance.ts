import type { AttendanceSummary, BookingView } from '@ey/contract'
import { ATTENDANCE_MARK_OUTCOMES, holdsConfirmedPlace, labelOf, londonDate } from '@ey/presentation'
import { ApiProblem, api, bearer } from './api.ts'
import type { BookingKey } from './booking.ts'
import { byId, h, summaryList } from './dom.ts'

const COMPLETION: Record<string, string> = {
  complete: 'You completed this course.',
  'not-complete': 'You did not complete every part this course needs.',
}

/** Minutes either side of a part in which checking in with the code makes sense. */
const CHECK_IN_MARGIN_MS = 30 * 60_000

function checkInOpen(view: BookingView, now = Date.now()): boolean {
  if (view.session.format === 'in-person' || !holdsConfirmedPlace(view.status)) return false
  return view.session.parts.some(
    (p) =>
      now >= Date.parse(p.startsAt) - CHECK_IN_MARGIN_MS && now <= Date.parse(p.endsAt) + CHECK_IN_MARGIN_MS,
  )
}

function partLabel(view: BookingView, part: number): string {
  const startsAt = view.session.parts[part]?.startsAt
  const date = startsAt ? londonDate(startsAt) : ''
  return view.session.parts.length > 1 ? `Part ${part + 1}, ${date}` : date
}

function render(view: BookingView, summary: AttendanceSummary): boolean {
  const rows = summary.parts
    .filter((p) => p.mark || p.checkedIn)
    .map((p): [string, string] => [
      partLabel(view, p.part),
      p.mark ? labelOf(ATTENDANCE_MARK_OUTCOMES, p.mark) : 'Checked in; the trainer will confirm',
    ])
  const completion = summary.completion && COMPLETION[summary.completion]
  byId('attendance-summary').replaceChildren(
    ...(rows.length > 0 ? [summaryList(rows)] : []),
    ...(completion ? [h('p', { class: 'govuk-body' }, completion)] : []),
  )
  return rows.length > 0
}

function showCodeError(message: string | undefined): void {
  byId('check-in-group').classList.toggle('govuk-form-group--error', message !== undefined)
  byId('check-in-code').classList.toggle('govuk-input--error', message !== undefined)
  const slot = byId('check-in-code-error')
  slot.replaceChildren(
    ...(message ? [h('span', { class: 'govuk-visually-hidden' }, 'Error:'), ` ${message}`] : []),
  )
  slot.hidden = message === undefined
  byId('check-in-code').setAttribute(
    'aria-describedby',
    message ? 'check-in-code-hint check-in-code-error' : 'check-in-code-hint',
  )
}

let wired = false

/**
 * The manage page's attendance: what each part's register says of the person (read only) and,
 * during an online part, the form to check in with the trainer's code.
 */
export async function showAttendance(view: BookingView, key: BookingKey): Promise<void> {
  const path = `/bookings/${encodeURIComponent(key.id)}/attendance`
  const load = () => api<AttendanceSummary>(path, { headers: bearer(key.token) })
  const summary = await load().catch(() => undefined)
  const marked = summary ? render(view, summary) : false
  const open = checkInOpen(view)
  byId('check-in-form').hidden = !open
  byId('attendance').hidden = !marked && !open
  if (wired) return
  wired = true
  byId<HTMLFormElement>('check-in-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = byId<HTMLButtonElement>('check-in-submit')
    if (button.disabled) return
    const code = byId<HTMLInputElement>('check-in-code').value.trim()
    if (!/^\d{3} ?\d{3}$/.test(code))
      return showCodeError('Enter the 6-digit attendance code the trainer is showing')
    button.disabled = true
    try {
      await api(`/bookings/${encodeURIComponent(key.id)}/check-in`, {
        json: { code },
        headers: bearer(key.token),
      })
      showCodeError(undefined)
      byId<HTMLInputElement>('check-in-code').value = ''
      const after = await load().catch(() => undefined)
      if (after) render(view, after)
      byId('attendance-summary').append(
        h('p', { class: 'govuk-body', role: 'status' }, 'You are checked in. The trainer will confirm it.'),
      )
    } catch (error) {
      showCodeError(
        error instanceof ApiProblem && error.status > 0 && error.status < 500
          ? (error.errors.find((e) => e.field === 'code')?.message ?? error.message)
          : 'Sorry, the check-in could not be sent. Try again.',
      )
      byId('check-in-code').focus()
    } finally {
      button.disabled = false
    }
  })
}
