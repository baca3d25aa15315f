import { DomainError, type FieldError } from '../errors.ts'
import type { CatalogueRepository, Clock, IdSource } from '../ports.ts'
import { DEFAULT_TEMPLATE_IDS, DEFAULT_TEMPLATES } from '../questionnaire-defaults.ts'
import type { QuestionnaireStore } from '../questionnaire-ports.ts'
import { templateErrors } from '../rules/questionnaire-templates.ts'
import {
  QUESTIONNAIRE_KINDS,
  type QuestionnaireItem,
  type QuestionnaireKind,
  type QuestionnaireTemplate,
} from '../schemas/questionnaire.ts'
import { ensureDefaultTemplates, saveTemplateVersion, storedOrDefault } from './questionnaires.ts'

/** What administrators' template use cases read and write. */
export interface TemplateAdminDeps {
  questionnaires: QuestionnaireStore
  catalogue: Pick<CatalogueRepository, 'getCourse' | 'listCourses'>
  clock: Clock
  ids: IdSource
}

/** A template as administrators list it: its current version, and which courses answer it. */
export interface TemplateSummary {
  template: QuestionnaireTemplate
  /** The default of its kind: used by every course without its own template of that kind. */
  isDefault: boolean
  courseIds: string[]
}

/** What an administrator writes of a template: its name and questions (a new one also its kind). */
export interface TemplateEdit {
  name: string
  items: QuestionnaireItem[]
}

/** Every template, defaults first within each kind, with the courses that answer each now. */
export async function listTemplates(deps: TemplateAdminDeps): Promise<TemplateSummary[]> {
  const store = deps.questionnaires
  const [stored, attachments, courses] = await Promise.all([
    store.listTemplates(),
    store.attachments(),
    deps.catalogue.listCourses(),
  ])
  const latest = new Map(stored.map((template) => [template.id, template]))
  for (const kind of QUESTIONNAIRE_KINDS) {
    const id = DEFAULT_TEMPLATE_IDS[kind]
    if (!latest.has(id)) latest.set(id, (await store.latestVersion(id)) ?? DEFAULT_TEMPLATES[kind])
  }
  const own = new Map(attachments.map((a) => [`${a.courseId}#${a.kind}`, a.templateId]))
  const usedBy = (template: QuestionnaireTemplate) =>
    courses
      .filter(
        (course) =>
          (own.get(`${course.id}#${template.kind}`) ?? DEFAULT_TEMPLATE_IDS[template.kind]) === template.id,
      )
      .map((course) => course.id)
  return [...latest.values()]
    .map((template) => ({ template, isDefault: isDefault(template), courseIds: usedBy(template) }))
    .sort(
      (a, b) =>
        QUESTIONNAIRE_KINDS.indexOf(a.template.kind) - QUESTIONNAIRE_KINDS.indexOf(b.template.kind) ||
        Number(b.isDefault) - Number(a.isDefault) ||
        a.template.name.localeCompare(b.template.name),
    )
}

/** One version of a template (the current one unless `version` is given); `template-not-found` otherwise. */
export async function readTemplate(
  store: QuestionnaireStore,
  id: string,
  version?: number,
): Promise<QuestionnaireTemplate> {
  const template =
    version === undefined ? await latestOrDefault(store, id) : await storedOrDefault(store, id, version)
  if (!template) throw new DomainError('template-not-found')
  return template
}

/** Every version of a template, oldest first; `template-not-found` for an unknown id. */
export async function templateHistory(
  store: QuestionnaireStore,
  id: string,
): Promise<QuestionnaireTemplate[]> {
  const stored = await store.templateVersions(id)
  if (stored.length > 0) return stored
  const fallback = defaultOf(id)
  if (!fallback) throw new DomainError('template-not-found')
  return [fallback]
}

/** Adds a template (version 1) of a kind; `invalid-template` naming each question at fault. */
export async function createTemplate(
  deps: TemplateAdminDeps,
  input: TemplateEdit & { kind: QuestionnaireKind },
  by: string,
): Promise<QuestionnaireTemplate> {
  assertValid(templateErrors(input.items, []))
  return saveTemplateVersion(deps.questionnaires, {
    id: `tpl-${deps.ids.newId()}`,
    kind: input.kind,
    name: input.name,
    items: input.items,
    createdAt: deps.clock.now().toISOString(),
    createdBy: by,
  })
}

/**
 * Saves an edit of a template as its next version (its kind stays). Versions already stored are
 * never changed, so answers given to them keep their wording; an in-code default is stored as
 * version 1 first, so the edit becomes version 2.
 */
export async function editTemplate(
  deps: TemplateAdminDeps,
  id: string,
  edit: TemplateEdit,
  by: string,
): Promise<QuestionnaireTemplate> {
  const store = deps.questionnaires
  if (defaultOf(id)) await ensureDefaultTemplates(store)
  const earlier = await store.templateVersions(id)
  const latest = earlier.at(-1)
  if (!latest) throw new DomainError('template-not-found')
  assertValid(templateErrors(edit.items, earlier))
  return saveTemplateVersion(store, {
    id,
    kind: latest.kind,
    name: edit.name,
    items: edit.items,
    createdAt: deps.clock.now().toISOString(),
    createdBy: by,
  })
}

/**
 * Gives a course its own template of a kind, or (`null`, or the default's id) the default again.
 * `course-not-found` for an unknown course; `invalid-template` naming `templateId` for an unknown
 * template or one of another kind. Answers the template each kind of the course uses now.
 */
export async function attachCourseTemplate(
  deps: TemplateAdminDeps,
  courseId: string,
  kind: QuestionnaireKind,
  templateId: string | null,
): Promise<Record<QuestionnaireKind, string>> {
  if (!(await deps.catalogue.getCourse(courseId))) throw new DomainError('course-not-found')
  const store = deps.questionnaires
  if (templateId === null || templateId === DEFAULT_TEMPLATE_IDS[kind]) {
    await store.detachTemplate(courseId, kind)
  } else {
    const template = await latestOrDefault(store, templateId)
    if (!template) assertValid([{ field: 'templateId', message: 'Choose a template from the list' }])
    else if (template.kind !== kind) {
      assertValid([
        {
          field: 'templateId',
          message: `Choose a ${kind} template: this one is a ${template.kind} template`,
        },
      ])
    }
    await store.attachTemplate(courseId, kind, templateId)
  }
  const ids = await Promise.all(
    QUESTIONNAIRE_KINDS.map(
      async (k) => (await store.courseTemplateId(courseId, k)) ?? DEFAULT_TEMPLATE_IDS[k],
    ),
  )
  return Object.fromEntries(QUESTIONNAIRE_KINDS.map((k, i) => [k, ids[i]])) as Record<
    QuestionnaireKind,
    string
  >
}

function assertValid(fieldErrors: FieldError[]): void {
  if (fieldErrors.length > 0) {
    throw new DomainError('invalid-template', 'Check the questions marked and save again.', { fieldErrors })
  }
}

function isDefault(template: QuestionnaireTemplate): boolean {
  return DEFAULT_TEMPLATE_IDS[template.kind] === template.id
}

function defaultOf(id: string): QuestionnaireTemplate | undefined {
  return Object.values(DEFAULT_TEMPLATES).find((template) => template.id === id)
}

async function latestOrDefault(
  store: QuestionnaireStore,
  id: string,
): Promise<QuestionnaireTemplate | undefined> {
  return (await store.latestVersion(id)) ?? defaultOf(id)
}
