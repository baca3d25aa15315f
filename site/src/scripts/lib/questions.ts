import type { QuestionView } from '@ey/contract'
import { h } from './dom.ts'

/** An answer as the page holds it: a rating, a choice, yes (true) or no (false), or text. */
export type Answer = number | string | boolean

const MAX_TEXT = 2000

function radios(
  question: QuestionView,
  options: [label: string, value: string][],
  inline: boolean,
): HTMLElement {
  const field = `answers.${question.id}`
  return h(
    'div',
    { class: `govuk-radios${inline ? ' govuk-radios--inline' : ''}`, 'data-module': 'govuk-radios' },
    ...options.map(([label, value], i) => {
      const id = i === 0 ? field : `${field}-${i}`
      return h(
        'div',
        { class: 'govuk-radios__item' },
        h('input', { class: 'govuk-radios__input', id, name: field, type: 'radio', value }),
        h('label', { class: 'govuk-label govuk-radios__label', for: id }, label),
      )
    }),
  )
}

function ratingOptions(question: QuestionView): [string, string][] {
  return [1, 2, 3, 4, 5].map((n) => {
    const end = n === 1 ? question.lowLabel : n === 5 ? question.highLabel : undefined
    return [end ? `${n} – ${end}` : String(n), String(n)]
  })
}

function legend(question: QuestionView): HTMLElement {
  return h(
    'legend',
    { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' },
    question.text,
    question.required ? null : ' (optional)',
  )
}

/** One question as a GOV.UK form group: radios for ratings, choices and yes/no, a textarea for text. */
export function questionGroup(question: QuestionView): HTMLElement {
  const field = `answers.${question.id}`
  const error = h('p', { class: 'govuk-error-message', id: `${field}-error`, hidden: '' })
  if (question.type === 'text') {
    return h(
      'div',
      { class: 'govuk-form-group', 'data-field': field },
      h(
        'label',
        { class: 'govuk-label govuk-label--s', for: field },
        question.text,
        question.required ? null : ' (optional)',
      ),
      error,
      h('textarea', {
        class: 'govuk-textarea',
        id: field,
        name: field,
        rows: '4',
        maxlength: String(MAX_TEXT),
      }),
    )
  }
  const options: [string, string][] =
    question.type === 'rating'
      ? ratingOptions(question)
      : question.type === 'yes-no'
        ? [
            ['Yes', 'true'],
            ['No', 'false'],
          ]
        : (question.options ?? []).map((option) => [option, option])
  return h(
    'div',
    { class: 'govuk-form-group', 'data-field': field },
    h(
      'fieldset',
      { class: 'govuk-fieldset' },
      legend(question),
      error,
      radios(question, options, question.type === 'yes-no'),
    ),
  )
}

/** The answers the form holds now, typed as the API wants them; unanswered questions left out. */
export function answersOf(form: HTMLFormElement, questions: readonly QuestionView[]): Record<string, Answer> {
  const data = new FormData(form)
  const answers: Record<string, Answer> = {}
  for (const question of questions) {
    const raw = data.get(`answers.${question.id}`)
    if (typeof raw !== 'string' || raw.trim() === '') continue
    answers[question.id] =
      question.type === 'rating' ? Number(raw) : question.type === 'yes-no' ? raw === 'true' : raw
  }
  return answers
}

/** Puts saved answers back into the form (a reload before sending keeps what was typed). */
export function restoreAnswers(form: HTMLFormElement, answers: Record<string, Answer>): void {
  for (const [id, value] of Object.entries(answers)) {
    const name = `answers.${id}`
    const text = form.querySelector<HTMLTextAreaElement>(`textarea[name="${CSS.escape(name)}"]`)
    if (text) {
      text.value = String(value)
      continue
    }
    const radio = form.querySelector<HTMLInputElement>(
      `input[name="${CSS.escape(name)}"][value="${CSS.escape(String(value))}"]`,
    )
    if (radio) radio.checked = true
  }
}
