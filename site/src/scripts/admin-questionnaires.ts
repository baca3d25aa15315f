import type { AdminCourseList, TemplateList } from '@ey/contract'
import { TEMPLATE_KIND_LABELS } from '@ey/presentation'
import { showAdminLoadFailure, showDone } from './lib/admin-page.ts'
import { byId, h, show, tag } from './lib/dom.ts'
import { staffApi } from './staff-client.ts'

const cell = (...children: (Node | string)[]) => h('td', { class: 'govuk-table__cell' }, ...children)

/** The courses a template is used by, in words. */
function usedBy(courseIds: readonly string[], titles: ReadonlyMap<string, string>): string {
  if (courseIds.length === 0) return 'No course'
  return courseIds.map((id) => titles.get(id) ?? id).join(', ')
}

function row(template: TemplateList['items'][number], titles: ReadonlyMap<string, string>): HTMLElement {
  const href = `/staff/admin/questionnaires/template/?${new URLSearchParams({ id: template.id })}`
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(
      h('a', { class: 'govuk-link', href }, template.name),
      template.isDefault ? ' ' : '',
      template.isDefault ? tag('Default', 'blue') : '',
    ),
    cell(TEMPLATE_KIND_LABELS[template.kind]),
    cell(String(template.version)),
    cell(usedBy(template.courseIds, titles)),
  )
}

async function main(): Promise<void> {
  showDone({ created: 'Template added' })
  const loading = byId('loading')
  try {
    const [{ items: templates }, { items: courses }] = await Promise.all([
      staffApi<TemplateList>('/admin/questionnaires'),
      staffApi<AdminCourseList>('/admin/courses'),
    ])
    const titles = new Map(courses.map((course) => [course.id, course.title]))
    byId('rows').replaceChildren(...templates.map((template) => row(template, titles)))
    show(byId('templates'), loading)
  } catch (error) {
    showAdminLoadFailure(error, { hide: [loading] })
  }
}

void main()
