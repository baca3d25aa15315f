import type { ParticipantReportMatching, RegisterChange } from '@ey/contract'
import { staffApi } from '../staff-client.ts'
import { ApiProblem } from './api.ts'
import { byId, h } from './dom.ts'

/**
 * The Teams or Zoom participant report: the file is read on the device, matched by the API, shown
 * for review, and only the ticked matches become marks (through the register's queue).
 */
export function wireReport(base: string, send: (...changes: RegisterChange[]) => unknown): void {
  byId<HTMLFormElement>('report-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const file = byId<HTMLInputElement>('report').files?.[0]
    const problem = byId('report-error')
    problem.hidden = true
    if (!file) {
      problem.textContent = 'Choose the participant report file'
      problem.hidden = false
      return
    }
    const bytes = new Uint8Array(await file.arrayBuffer())
    // Teams writes UTF-16 with a byte-order mark; Zoom writes UTF-8.
    const report = new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : 'utf-8').decode(
      bytes,
    )
    try {
      const matching = await staffApi<ParticipantReportMatching>(`${base}/participant-report`, {
        json: { report },
      })
      byId('report-matches').replaceChildren(
        ...matching.matches.map((m) =>
          h(
            'div',
            { class: 'govuk-checkboxes__item' },
            (() => {
              const box = h('input', {
                class: 'govuk-checkboxes__input',
                id: `match-${m.bookingId}`,
                type: 'checkbox',
                value: m.bookingId,
              }) as HTMLInputElement
              box.checked = true
              return box
            })(),
            h(
              'label',
              { class: 'govuk-label govuk-checkboxes__label', for: `match-${m.bookingId}` },
              `${m.name} (in the report as ${m.row.name}${m.row.minutes !== undefined ? `, ${m.row.minutes} minutes` : ''})`,
            ),
          ),
        ),
      )
      byId('report-unmatched').replaceChildren(
        ...(matching.unmatched.length > 0
          ? matching.unmatched.map((row) => h('li', {}, `${row.name}${row.email ? ` (${row.email})` : ''}`))
          : [h('li', {}, 'Everyone in the report matched a booking.')]),
      )
      byId('report-review').hidden = false
    } catch (error) {
      problem.textContent =
        error instanceof ApiProblem
          ? (error.errors[0]?.message ?? error.message)
          : 'The report could not be read'
      problem.hidden = false
    }
  })
  byId('report-save').addEventListener('click', () => {
    const ticked = [...document.querySelectorAll<HTMLInputElement>('#report-matches input:checked')].map(
      (box) => box.value,
    )
    for (const subject of ticked) {
      const radio = document.getElementById(`mark-${subject}-present`) as HTMLInputElement | null
      if (radio) radio.checked = true
    }
    byId('report-review').hidden = true
    if (ticked.length > 0)
      void send(
        ...ticked.map((subject) => ({
          kind: 'mark' as const,
          key: crypto.randomUUID(),
          subject,
          mark: 'present' as const,
        })),
      )
  })
}
