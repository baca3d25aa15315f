import type { FieldError } from '../errors.ts'
import type { AnswerValue, QuestionnaireItem, QuestionnaireTemplate } from '../schemas/questionnaire.ts'

/** The longest free-text answer, in characters. */
export const MAX_TEXT_ANSWER = 2000

const MISSING: Record<QuestionnaireItem['type'], string> = {
  rating: 'Choose a rating from 1 to 5',
  choice: 'Choose one of the options',
  'yes-no': 'Choose yes or no',
  text: 'Enter your answer',
}

/**
 * What is wrong with answers to one template version, each error naming its item
 * (`answers.<itemId>`): a required item unanswered, a rating not a whole number from 1 to 5, a
 * choice not among its options, a yes/no not a boolean, text over 2000 characters, or an id the
 * version does not have. Blank text counts as unanswered. Empty when the answers are valid.
 */
export function answerErrors(
  template: Pick<QuestionnaireTemplate, 'items'>,
  answers: Readonly<Record<string, AnswerValue>>,
): FieldError[] {
  const errors: FieldError[] = []
  for (const item of template.items) {
    const value = answers[item.id]
    const message =
      value === undefined || isBlank(value)
        ? item.required
          ? MISSING[item.type]
          : undefined
        : invalid(item, value)
    if (message) errors.push({ field: `answers.${item.id}`, message })
  }
  const known = new Set(template.items.map((item) => item.id))
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      errors.push({ field: `answers.${id}`, message: 'This question is not in the questionnaire' })
  }
  return errors
}

/** The answers as stored: blank text left out. */
export function keptAnswers(answers: Readonly<Record<string, AnswerValue>>): Record<string, AnswerValue> {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => !isBlank(value)))
}

function isBlank(value: AnswerValue): boolean {
  return typeof value === 'string' && value.trim() === ''
}

function invalid(item: QuestionnaireItem, value: AnswerValue): string | undefined {
  switch (item.type) {
    case 'rating':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5
        ? undefined
        : MISSING.rating
    case 'choice':
      return typeof value === 'string' && item.options.includes(value) ? undefined : MISSING.choice
    case 'yes-no':
      return typeof value === 'boolean' ? undefined : MISSING['yes-no']
    case 'text':
      if (typeof value !== 'string') return MISSING.text
      return value.length > MAX_TEXT_ANSWER
        ? `Your answer must be ${MAX_TEXT_ANSWER} characters or fewer`
        : undefined
  }
}
