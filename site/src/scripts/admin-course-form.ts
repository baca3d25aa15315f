import type { AdminCourseList, CourseInput, PartnerList, TemplateList } from '@ey/contract'
import { courseResultsUrl } from '@ey/presentation'
import { saveFailureMessage, showAdminLoadFailure } from './lib/admin-page.ts'
import { ApiProblem } from './lib/api.ts'
import {
  attachChosenTemplates,
  fillQuestionnaireDays,
  fillTemplateChoices,
  questionnaireDaysInput,
} from './lib/course-questionnaires.ts'
import { byId, h, show } from './lib/dom.ts'
import { FormErrors } from './lib/form-errors.ts'
import { wireMaterialsEditor } from './lib/materials-editor.ts'
import { slugOf } from './lib/slug.ts'
import { staffApi } from './staff-client.ts'

const editing = new URLSearchParams(location.search).get('id')
const form = byId<HTMLFormElement>('course-form')
const errors = new FormErrors(form)
/** What the form does not show (how completion is judged) is kept as it was when changing a course. */
let completion: CourseInput['completion'] = { kind: 'all-parts' }
let certificateOn: CourseInput['certificateOn']
/** The template of each kind the course used when the page opened: only changes are sent. */
let templatesBefore: Parameters<typeof attachChosenTemplates>[1] = { pre: '', post: '', 'follow-up': '' }

const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value.trim() ?? ''
const setValue = (id: string, text: string) => {
  const control = document.getElementById(id) as HTMLInputElement | null
  if (control) control.value = text
}
const checked = (name: string) =>
  [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value)
const check = (name: string, options: readonly string[]) => {
  for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
    input.checked = options.includes(input.value)
  }
}

/** The form as the API's CourseInput; a new course's id is made from its title. */
function input(): Record<string, unknown> {
  const cpdHours = value('cpdHours')
  const [audience] = checked('audience')
  const [level] = checked('level')
  return {
    id: editing ?? slugOf(value('title')),
    partnerId: value('partnerId'),
    title: value('title'),
    summary: value('summary'),
    description: value('description'),
    topics: checked('topics'),
    ...(audience ? { audience } : {}),
    ...(level ? { level } : {}),
    ...(value('accreditation') ? { accreditation: value('accreditation') } : {}),
    // Sent as typed when it is not a number, so the API names the mistake.
    cpdHours: /^\d+(\.\d+)?$/.test(cpdHours) ? Number(cpdHours) : cpdHours,
    completion,
    ...(certificateOn ? { certificateOn } : {}),
    ...questionnaireDaysInput(),
  }
}

/** The API's field errors in the form's words: the id is made from the title, the partner is chosen. */
function fieldErrors(problem: ApiProblem) {
  const titled = problem.errors.some((e) => e.field === 'title')
  return problem.errors
    .filter((e) => !(e.field === 'id' && titled))
    .map((e) => {
      if (e.field === 'id') return { field: 'title', message: 'Enter a title with letters or digits' }
      if (e.field === 'partnerId')
        return { field: e.field, message: 'Choose a partner organisation from the list' }
      if (e.field.startsWith('topics.')) return { field: 'topics', message: 'Select topics from the list' }
      return e
    })
}

function fill(course: CourseInput): void {
  setValue('title', course.title)
  setValue('summary', course.summary)
  setValue('description', course.description)
  check('topics', course.topics)
  check('audience', [course.audience])
  check('level', [course.level])
  setValue('accreditation', course.accreditation ?? '')
  setValue('cpdHours', String(course.cpdHours))
  setValue('partnerId', course.partnerId)
  completion = course.completion
  certificateOn = course.certificateOn
  fillQuestionnaireDays(course.questionnaireDays)
}

async function submit(event: SubmitEvent): Promise<void> {
  event.preventDefault()
  const button = byId<HTMLButtonElement>('submit')
  button.disabled = true
  try {
    const course = await staffApi<CourseInput>(
      editing ? `/admin/courses/${encodeURIComponent(editing)}` : '/admin/courses',
      {
        method: editing ? 'PUT' : 'POST',
        json: input(),
      },
    )
    await attachChosenTemplates(course.id, templatesBefore)
    location.assign(
      `/staff/admin/courses/?${new URLSearchParams({ done: editing ? 'course-saved' : 'course-created', id: course.id })}`,
    )
  } catch (error) {
    button.disabled = false
    if (error instanceof ApiProblem && error.status === 409) {
      errors.show([{ field: 'title', message: 'There is already a course with this title' }])
    } else if (error instanceof ApiProblem && error.errors.length > 0) {
      errors.show(fieldErrors(error))
    } else {
      errors.show([], saveFailureMessage(error))
    }
  }
}

async function main(): Promise<void> {
  const loading = byId('loading')
  try {
    const [{ items: partners }, { items: courses }, { items: templates }] = await Promise.all([
      staffApi<PartnerList>('/admin/partners'),
      editing ? staffApi<AdminCourseList>('/admin/courses') : Promise.resolve({ items: [] }),
      staffApi<TemplateList>('/admin/questionnaires'),
    ])
    templatesBefore = fillTemplateChoices(templates, editing)
    byId('partnerId').append(...partners.map((partner) => h('option', { value: partner.id }, partner.name)))
    if (editing) {
      const course = courses.find((c) => c.id === editing)
      if (!course) throw new ApiProblem(404)
      document.title = document.title.replace('Add a course', 'Change a course')
      byId('heading').textContent = 'Change a course'
      fill(course)
      byId<HTMLAnchorElement>('results-href').href = courseResultsUrl('', course.id)
      byId('results-link').hidden = false
      await wireMaterialsEditor(`/admin/courses/${encodeURIComponent(editing)}/materials`)
    }
    form.addEventListener('submit', (event) => void submit(event))
    show(form, loading)
  } catch (error) {
    showAdminLoadFailure(error, { notFound: 'There is no such course.', hide: [loading] })
  }
}

void main()
