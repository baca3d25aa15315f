import type { TemplateItem } from '@ey/contract'
import { QUESTION_TYPE_LABELS, RATING_TAG_LABELS, YES_NO_MEASURE_LABELS } from '@ey/presentation'
import { h } from './dom.ts'

/** One question as the editor holds it while it is being written. */
export interface QuestionDraft {
  /** The id it had in the version being edited; kept while its type stays, so answers still compare. */
  savedId?: string
  savedType?: TemplateItem['type']
  /** The id it gets if it is new, or its type changed (a different question then). */
  newId: string
  type: TemplateItem['type']
  text: string
  required: boolean
  lowLabel: string
  highLabel: string
  tag: string
  /** One option a line. */
  options: string
  measure: string
}

/** A new question: free text, optional. */
export function blankDraft(): QuestionDraft {
  return {
    newId: `q-${crypto.randomUUID().slice(0, 8)}`,
    type: 'text',
    text: '',
    required: false,
    lowLabel: '',
    highLabel: '',
    tag: '',
    options: '',
    measure: '',
  }
}

/** A saved question as a draft. */
export function draftOf(item: TemplateItem): QuestionDraft {
  return {
    ...blankDraft(),
    savedId: item.id,
    savedType: item.type,
    type: item.type,
    text: item.text,
    required: item.required,
    ...(item.type === 'rating'
      ? { lowLabel: item.lowLabel, highLabel: item.highLabel, tag: item.tag ?? '' }
      : {}),
    ...(item.type === 'choice' ? { options: item.options.join('\n') } : {}),
    ...(item.type === 'yes-no' ? { measure: item.measure ?? '' } : {}),
  }
}

/** The question as the API takes it (what does not fit is sent as it is, so the API names it). */
export function itemOf(draft: QuestionDraft): Record<string, unknown> {
  const id = draft.savedId && draft.savedType === draft.type ? draft.savedId : draft.newId
  const base = { id, type: draft.type, text: draft.text, required: draft.required }
  switch (draft.type) {
    case 'rating':
      return {
        ...base,
        lowLabel: draft.lowLabel,
        highLabel: draft.highLabel,
        ...(draft.tag ? { tag: draft.tag } : {}),
      }
    case 'choice':
      return {
        ...base,
        options: draft.options
          .split('\n')
          .map((option) => option.trim())
          .filter(Boolean),
      }
    case 'yes-no':
      return { ...base, ...(draft.measure ? { measure: draft.measure } : {}) }
    default:
      return base
  }
}

type Choices = Readonly<Record<string, string>>

/** One GOV.UK question of the editor: `field` is its id and its name in the API's errors. */
function group(field: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = field
  control.setAttribute('name', field)
  if (hint) control.setAttribute('aria-describedby', `${field}-hint`)
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': field },
    h('label', { class: 'govuk-label govuk-label--s', for: field }, label),
    hint ? h('div', { class: 'govuk-hint', id: `${field}-hint` }, hint) : null,
    h('p', { class: 'govuk-error-message', id: `${field}-error`, hidden: '' }),
    control,
  )
}

function select(choices: Choices, value: string, none?: string): HTMLSelectElement {
  const control = h(
    'select',
    { class: 'govuk-select' },
    none === undefined ? null : h('option', { value: '' }, none),
    ...Object.entries(choices).map(([key, label]) => h('option', { value: key }, label)),
  ) as HTMLSelectElement
  control.value = value
  return control
}

function input(value: string, width?: string): HTMLInputElement {
  const control = h('input', {
    class: `govuk-input${width ? ` ${width}` : ''}`,
    type: 'text',
  }) as HTMLInputElement
  control.value = value
  return control
}

/** The fields of a question's type: labelled ends and tag, options, or the yes/no measure. */
function typeFields(n: number, draft: QuestionDraft): HTMLElement[] {
  const at = (name: string) => `items.${n}.${name}`
  switch (draft.type) {
    case 'rating':
      return [
        group(
          at('lowLabel'),
          'Label of 1',
          input(draft.lowLabel),
          'The lowest rating, like “Not at all confident”',
        ),
        group(
          at('highLabel'),
          'Label of 5',
          input(draft.highLabel),
          'The highest rating, like “Very confident”',
        ),
        group(
          at('tag'),
          'What it measures (optional)',
          select(RATING_TAG_LABELS, draft.tag, 'Nothing in particular'),
          'Results compare a pre and a post rating of the same measure',
        ),
      ]
    case 'choice': {
      const options = h('textarea', { class: 'govuk-textarea', rows: '4' }) as HTMLTextAreaElement
      options.value = draft.options
      return [group(at('options'), 'Options', options, 'One a line, at least 2')]
    }
    case 'yes-no':
      return [
        group(
          at('measure'),
          'Counts towards (optional)',
          select(YES_NO_MEASURE_LABELS, draft.measure, 'Nothing in particular'),
          'Results give the share of people saying yes',
        ),
      ]
    default:
      return []
  }
}

function button(action: string, text: string, n: number, disabled = false): HTMLElement {
  const element = h(
    'button',
    {
      type: 'button',
      class: 'govuk-button govuk-button--secondary',
      'data-action': action,
      'data-index': String(n),
    },
    text,
    h('span', { class: 'govuk-visually-hidden' }, ` question ${n + 1}`),
  )
  if (disabled) element.setAttribute('disabled', '')
  return element
}

/** Question `n` (of `count`) as a fieldset of its fields, with buttons to move and remove it. */
export function questionFieldset(n: number, count: number, draft: QuestionDraft): HTMLElement {
  const at = (name: string) => `items.${n}.${name}`
  const required = h('input', {
    class: 'govuk-checkboxes__input',
    type: 'checkbox',
    value: 'yes',
  }) as HTMLInputElement
  required.checked = draft.required
  required.id = at('required')
  required.name = at('required')
  return h(
    'fieldset',
    { class: 'govuk-fieldset app-question', 'data-question': String(n) },
    h('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--m' }, `Question ${n + 1}`),
    group(at('text'), 'Question', input(draft.text)),
    group(at('type'), 'Type of answer', select(QUESTION_TYPE_LABELS, draft.type)),
    ...typeFields(n, draft),
    h(
      'div',
      { class: 'govuk-form-group', 'data-field': at('required') },
      h(
        'div',
        { class: 'govuk-checkboxes govuk-checkboxes--small' },
        h(
          'div',
          { class: 'govuk-checkboxes__item' },
          required,
          h(
            'label',
            { class: 'govuk-label govuk-checkboxes__label', for: at('required') },
            'People must answer it',
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'govuk-button-group' },
      button('up', 'Move up', n, n === 0),
      button('down', 'Move down', n, n === count - 1),
      button('remove', 'Remove', n, count === 1),
    ),
  )
}

/** Reads question `n`'s fields back into its draft. */
export function readQuestion(form: HTMLFormElement, n: number, draft: QuestionDraft): QuestionDraft {
  const value = (name: string) =>
    (form.querySelector<HTMLInputElement>(`[id="items.${n}.${name}"]`)?.value ?? '').trim()
  const read = { ...draft, text: value('text'), type: value('type') as TemplateItem['type'] }
  read.required = form.querySelector<HTMLInputElement>(`[id="items.${n}.required"]`)?.checked ?? false
  if (draft.type === 'rating')
    Object.assign(read, { lowLabel: value('lowLabel'), highLabel: value('highLabel'), tag: value('tag') })
  if (draft.type === 'choice')
    read.options = form.querySelector<HTMLTextAreaElement>(`[id="items.${n}.options"]`)?.value ?? ''
  if (draft.type === 'yes-no') read.measure = value('measure')
  return read
}
