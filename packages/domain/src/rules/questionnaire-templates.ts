import type { FieldError } from '../errors.ts'
import type { QuestionnaireItem, QuestionnaireTemplate } from '../schemas/questionnaire.ts'

const TYPE_NAMES: Record<QuestionnaireItem['type'], string> = {
  rating: 'rating',
  choice: 'single choice',
  'yes-no': 'yes/no',
  text: 'free text',
}

/**
 * What is wrong with a template's questions beyond their shape, field by field (`items.<n>.…`):
 * ids unique within the template and, across its versions, an id kept for the same type of
 * question (answers of versions are compared by id); at most one rating per tag and one yes/no
 * per measure, so results pair and count each once.
 */
export function templateErrors(
  items: readonly QuestionnaireItem[],
  earlier: readonly QuestionnaireTemplate[],
): FieldError[] {
  const errors: FieldError[] = []
  const seen = new Set<string>()
  const tags = new Set<string>()
  const measures = new Set<string>()
  for (const [n, item] of items.entries()) {
    if (seen.has(item.id)) {
      errors.push({
        field: `items.${n}.id`,
        message: `Give each question its own id: ${item.id} is used twice`,
      })
    }
    seen.add(item.id)
    const before = earlier
      .flatMap((template) => template.items.map((old) => ({ old, version: template.version })))
      .find(({ old }) => old.id === item.id && old.type !== item.type)
    if (before) {
      errors.push({
        field: `items.${n}.id`,
        message: `${item.id} was a ${TYPE_NAMES[before.old.type]} question in version ${before.version}: give this question a new id`,
      })
    }
    if (item.type === 'rating' && item.tag) {
      if (tags.has(item.tag)) {
        errors.push({ field: `items.${n}.tag`, message: `Only one rating can measure ${item.tag}` })
      }
      tags.add(item.tag)
    }
    if (item.type === 'yes-no' && item.measure) {
      if (measures.has(item.measure)) {
        errors.push({
          field: `items.${n}.measure`,
          message: `Only one yes/no question can count as ${item.measure}`,
        })
      }
      measures.add(item.measure)
    }
  }
  return errors
}
