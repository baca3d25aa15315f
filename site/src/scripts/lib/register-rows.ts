import type { RegisterView } from '@ey/contract'
import { ATTENDANCE_MARK_LABELS, labelOf, londonDate, londonTime, ROLE_SHORT_LABELS } from '@ey/presentation'
import { h } from './dom.ts'

type Person = RegisterView['booked'][number]
type WalkIn = RegisterView['walkIns'][number]

/** Where a row's controls stand: the mark to show (queued marks first) and whether it can change. */
export interface RowState {
  mark: string | undefined
  locked: boolean
}

function markRadios(
  subject: string,
  name: string,
  current: string | undefined,
  disabled: boolean,
): HTMLElement {
  const id = `mark-${subject}`
  return h(
    'div',
    { class: 'govuk-form-group app-register__marks' },
    h(
      'fieldset',
      { class: 'govuk-fieldset' },
      h('legend', { class: 'govuk-fieldset__legend govuk-visually-hidden' }, `Attendance of ${name}`),
      h(
        'div',
        { class: 'govuk-radios govuk-radios--small govuk-radios--inline' },
        ...Object.entries(ATTENDANCE_MARK_LABELS).map(([value, label]) => {
          const input = h('input', {
            class: 'govuk-radios__input',
            id: `${id}-${value}`,
            name: id,
            type: 'radio',
            value,
            'data-mark-for': subject,
          }) as HTMLInputElement
          input.checked = current === value
          input.disabled = disabled
          return h(
            'div',
            { class: 'govuk-radios__item' },
            input,
            h('label', { class: 'govuk-label govuk-radios__label', for: `${id}-${value}` }, label),
          )
        }),
      ),
    ),
  )
}

function noteForm(subject: string, name: string, note: string | undefined, disabled: boolean): HTMLElement {
  const id = `note-${subject}`
  const textarea = h('textarea', {
    class: 'govuk-textarea',
    id,
    name: 'note',
    rows: '2',
  }) as HTMLTextAreaElement
  textarea.value = note ?? ''
  textarea.disabled = disabled
  return h(
    'details',
    { class: 'govuk-details app-register__note' },
    h(
      'summary',
      { class: 'govuk-details__summary' },
      h('span', { class: 'govuk-details__summary-text' }, note ? 'Note' : 'Add a note'),
    ),
    h(
      'div',
      { class: 'govuk-details__text' },
      h(
        'form',
        { 'data-note-for': subject, novalidate: '' },
        h(
          'div',
          { class: 'govuk-form-group' },
          h('label', { class: 'govuk-label', for: id }, `Note about ${name}`),
          textarea,
        ),
        h('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Save note'),
      ),
    ),
  )
}

/** One person's block on the register: who they are, a self check-in to confirm, marks and a note. */
export function personRow(person: Person | WalkIn, subject: string, state: RowState): HTMLElement {
  const { locked } = state
  const facts = [
    person.role ? labelOf(ROLE_SHORT_LABELS, person.role) : undefined,
    'settingName' in person ? person.settingName : undefined,
    'ofstedUrn' in person && person.ofstedUrn ? `URN ${person.ofstedUrn}` : undefined,
  ].filter(Boolean)
  const checkIn = person.checkIn
  return h(
    'div',
    { class: 'app-register__person', 'data-subject': subject },
    h('h3', { class: 'govuk-heading-s app-register__name' }, person.name),
    facts.length > 0 ? h('p', { class: 'govuk-body-s app-register__facts' }, facts.join(', ')) : null,
    'accessNeeds' in person && person.accessNeeds
      ? h('p', { class: 'govuk-body-s' }, h('strong', {}, 'Access needs: '), person.accessNeeds)
      : null,
    checkIn
      ? h(
          'p',
          { class: 'govuk-body-s' },
          checkIn.confirmed
            ? `Checked in with the code at ${londonTime(checkIn.at)}; confirmed.`
            : `Checked in with the code at ${londonTime(checkIn.at)}. `,
          checkIn.confirmed || locked
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'govuk-button govuk-button--secondary app-register__confirm',
                  'data-confirm-for': subject,
                },
                'Confirm check-in',
              ),
        )
      : null,
    markRadios(subject, person.name, state.mark, locked),
    noteForm(subject, person.name, person.note, locked),
    h('p', { class: 'govuk-body-s app-register__state', 'aria-live': 'polite' }),
  )
}

/** People listed without marks (the waiting list, late cancellations). */
export function plainList(people: Person[], none: string, label: (p: Person) => string): HTMLElement {
  if (people.length === 0) return h('p', { class: 'govuk-body' }, none)
  return h(
    'ul',
    { class: 'govuk-list' },
    ...people.map((p) =>
      h(
        'li',
        {},
        `${p.name}${p.role ? `, ${labelOf(ROLE_SHORT_LABELS, p.role)}` : ''}, ${p.settingName} – ${label(p)}`,
      ),
    ),
  )
}

/** The parts of the course, each its own register. */
export function partsNav(register: RegisterView, sessionId: string): HTMLElement | string {
  if (register.session.parts.length < 2) return ''
  return h(
    'ul',
    { class: 'govuk-list app-register__parts' },
    ...register.session.parts.map((p, index) => {
      const label = `Part ${index + 1}: ${londonDate(p.startsAt)}`
      return h(
        'li',
        {},
        index === register.part
          ? h('strong', { 'aria-current': 'page' }, label)
          : h(
              'a',
              {
                class: 'govuk-link',
                href: `?${new URLSearchParams({ id: sessionId, part: String(index) })}`,
              },
              label,
            ),
      )
    }),
  )
}
