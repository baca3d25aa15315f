import type { CourseInput, TemplateList } from '@ey/contract'
import { staffApi } from '../staff-client.ts'
import { h } from './dom.ts'

const KINDS = ['pre', 'post', 'follow-up'] as const
type Kind = (typeof KINDS)[number]
type Days = NonNullable<CourseInput['questionnaireDays']>
const DAY_FIELDS = ['post', 'followUpAfter', 'followUpOpen'] as const

const control = (id: string) => document.getElementById(id) as HTMLInputElement | HTMLSelectElement

/**
 * Fills the course page's template choices, one select per kind, with the course's current
 * template chosen (the default for a new course); answers what each kind uses now.
 */
export function fillTemplateChoices(
  templates: TemplateList['items'],
  courseId: string | null,
): Record<Kind, string> {
  const current = {} as Record<Kind, string>
  for (const kind of KINDS) {
    const ofKind = templates.filter((t) => t.kind === kind)
    const select = control(`templates.${kind}`)
    select.replaceChildren(
      ...ofKind.map((t) => h('option', { value: t.id }, t.isDefault ? `${t.name} (the default)` : t.name)),
    )
    const used = ofKind.find((t) => courseId !== null && t.courseIds.includes(courseId))
    current[kind] = (used ?? ofKind.find((t) => t.isDefault))?.id ?? ''
    select.value = current[kind]
  }
  return current
}

/** Gives the course the templates chosen where they differ from what it used before. */
export async function attachChosenTemplates(
  courseId: string,
  before: Readonly<Record<Kind, string>>,
): Promise<void> {
  for (const kind of KINDS) {
    const chosen = control(`templates.${kind}`).value
    if (!chosen || chosen === before[kind]) continue
    await staffApi(`/admin/courses/${encodeURIComponent(courseId)}/questionnaires/${kind}`, {
      method: 'PUT',
      json: { templateId: chosen },
    })
  }
}

/** The course's own windows as typed: none when all three are empty; what is not a number is sent as typed, so the API names it. */
export function questionnaireDaysInput(): { questionnaireDays?: Record<string, unknown> } {
  const typed = DAY_FIELDS.map((name) => control(`questionnaireDays.${name}`).value.trim())
  if (typed.every((text) => text === '')) return {}
  const days = Object.fromEntries(
    DAY_FIELDS.map((name, i) => {
      const text = typed[i] ?? ''
      return [name, /^\d+$/.test(text) ? Number(text) : text]
    }),
  )
  return { questionnaireDays: days }
}

/** Shows a course's own windows (empty fields where it uses the defaults). */
export function fillQuestionnaireDays(days: Days | undefined): void {
  for (const name of DAY_FIELDS) control(`questionnaireDays.${name}`).value = days ? String(days[name]) : ''
}
