import type {
  AdminCourseList,
  TemplateItem,
  TemplateList,
  TemplateVersionList,
  TemplateView,
} from '@ey/contract'
import {
  londonMoment,
  QUESTION_TYPE_LABELS,
  RATING_TAG_LABELS,
  TEMPLATE_KIND_LABELS,
  YES_NO_MEASURE_LABELS,
} from '@ey/presentation'
import { showAdminLoadFailure, showDone } from './lib/admin-page.ts'
import { byId, h, show, summaryList } from './lib/dom.ts'
import { staffApi } from './staff-client.ts'

const params = new URLSearchParams(location.search)
const id = params.get('id') ?? ''
const asked = params.get('version')

const cell = (...children: (Node | string)[]) => h('td', { class: 'govuk-table__cell' }, ...children)
const viewUrl = (version?: number) =>
  `/staff/admin/questionnaires/template/?${new URLSearchParams({ id, ...(version ? { version: String(version) } : {}) })}`

/** What a question asks for besides its wording: its type and the details of that type. */
function details(item: TemplateItem): string {
  const parts: string[] = [QUESTION_TYPE_LABELS[item.type], item.required ? 'must be answered' : 'optional']
  if (item.type === 'rating') {
    parts.push(`1 is “${item.lowLabel}”, 5 is “${item.highLabel}”`)
    if (item.tag) parts.push(`measures ${RATING_TAG_LABELS[item.tag].toLowerCase()}`)
  }
  if (item.type === 'choice') parts.push(`options: ${item.options.join('; ')}`)
  if (item.type === 'yes-no' && item.measure)
    parts.push(`counts as ${YES_NO_MEASURE_LABELS[item.measure].toLowerCase()}`)
  return parts.join(' · ')
}

function question(item: TemplateItem): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: 'govuk-!-font-weight-bold' }, item.text),
    h('br'),
    h('span', { class: 'govuk-hint' }, details(item)),
  )
}

function versionRow(version: TemplateVersionList['items'][number], shown: number): HTMLElement {
  const label = `Version ${version.version}`
  return h(
    'tr',
    { class: 'govuk-table__row' },
    cell(
      version.version === shown
        ? h('strong', {}, `${label} (shown)`)
        : h('a', { class: 'govuk-link', href: viewUrl(version.version) }, label),
    ),
    cell(version.name),
    cell(String(version.questions)),
    cell(londonMoment(version.createdAt)),
  )
}

async function main(): Promise<void> {
  showDone({ saved: 'Template saved as a new version', created: 'Template added' })
  const loading = byId('loading')
  try {
    const [template, { items: versions }, { items: templates }, { items: courses }] = await Promise.all([
      staffApi<TemplateView>(
        `/admin/questionnaires/${encodeURIComponent(id)}${asked ? `?version=${encodeURIComponent(asked)}` : ''}`,
      ),
      staffApi<TemplateVersionList>(`/admin/questionnaires/${encodeURIComponent(id)}/versions`),
      staffApi<TemplateList>('/admin/questionnaires'),
      staffApi<AdminCourseList>('/admin/courses'),
    ])
    const current = versions.at(-1)?.version ?? template.version
    const summary = templates.find((t) => t.id === id)
    const titles = new Map(courses.map((course) => [course.id, course.title]))
    document.title = document.title.replace('Questionnaire template', template.name)
    byId('caption').textContent = TEMPLATE_KIND_LABELS[template.kind]
    byId('heading').textContent = template.name
    byId('facts').replaceChildren(
      summaryList([
        [
          'Version',
          template.version === current
            ? `${template.version} (current)`
            : `${template.version} of ${current}`,
        ],
        ['Saved', londonMoment(template.createdAt)],
        [
          'Default',
          summary?.isDefault ? 'Yes: every course without its own template of this kind asks it' : 'No',
        ],
        [
          'Used by',
          (summary?.courseIds ?? []).map((courseId) => titles.get(courseId) ?? courseId).join(', ') ||
            'No course',
        ],
      ]),
    )
    byId('older').hidden = template.version === current
    byId('actions').hidden = template.version !== current
    byId<HTMLAnchorElement>('edit').href = `/staff/admin/questionnaires/edit/?${new URLSearchParams({ id })}`
    byId('questions').replaceChildren(...template.items.map(question))
    byId('versions').replaceChildren(...versions.map((version) => versionRow(version, template.version)))
    show(byId('template'), loading)
  } catch (error) {
    showAdminLoadFailure(error, { notFound: 'There is no such template or version.', hide: [loading] })
  }
}

void main()
