import {
  CourseTemplateInputSchema,
  CourseTemplateParamSchema,
  CourseTemplatesSchema,
  IdParamSchema,
  ProblemSchema,
  TemplateEditSchema,
  TemplateInputSchema,
  TemplateListSchema,
  TemplateVersionListSchema,
  TemplateVersionQuerySchema,
  type TemplateView,
  TemplateViewSchema,
} from '@ey/contract'
import {
  attachCourseTemplate,
  createTemplate,
  DomainError,
  editTemplate,
  listTemplates,
  type QuestionnaireTemplate,
  readTemplate,
  templateHistory,
  toLondonIso,
  ValidationError,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { body, json } from '../openapi.ts'
import { fieldErrorsOf, router } from '../validation.ts'

const UNPROCESSABLE = {
  422: {
    description: 'The template is not valid; `errors` names each field (`items.<n>.text`, `templateId`…)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
}

/**
 * A template body that does not fit answers 422 `invalid-template` naming each field, as the
 * rules that only the domain can check do (ids, tags); a bad path or query stays a 400.
 */
function templateHook(result: { success: boolean; target: string; error?: z.ZodError }): undefined {
  if (result.success || !result.error) return undefined
  const target = result.target as Parameters<typeof fieldErrorsOf>[1]
  const fieldErrors = fieldErrorsOf(result.error, target)
  if (target !== 'json') throw new ValidationError(fieldErrors)
  throw new DomainError('invalid-template', 'Check the questions marked and save again.', { fieldErrors })
}

function view(template: QuestionnaireTemplate): TemplateView {
  return { ...template, createdAt: toLondonIso(template.createdAt) }
}

/** The administrators' questionnaire templates, and each course's template of each kind. */
export function adminQuestionnaireRoutes(deps: ApiDeps): OpenAPIHono {
  const base = {
    tags: ['admin'],
    security: STAFF_SECURITY,
    middleware: [requireStaff(deps.staff, 'admin')],
  }
  const store = deps.questionnaires

  return router()
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/questionnaires',
        summary:
          'Every questionnaire template: its current version, whether it is a default, and the courses using it',
        responses: {
          200: json(TemplateListSchema, 'Templates by kind, defaults first'),
          ...staffProblems(401, 403),
        },
      }),
      async (c) => {
        const items = (await listTemplates(deps)).map(({ template, isDefault, courseIds }) => ({
          id: template.id,
          kind: template.kind,
          name: template.name,
          version: template.version,
          isDefault,
          courseIds,
        }))
        return c.json({ items }, 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/questionnaires',
        summary: 'Add a questionnaire template (version 1)',
        request: { body: body(TemplateInputSchema) },
        responses: {
          201: json(TemplateViewSchema, 'The template'),
          ...staffProblems(400, 401, 403, 413, 415),
          ...UNPROCESSABLE,
        },
      }),
      async (c) => c.json(view(await createTemplate(deps, c.req.valid('json'), staffOf(c).sub)), 201),
      templateHook,
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/questionnaires/{id}',
        summary: 'One template with its questions: the current version, or `?version=N`',
        request: { params: IdParamSchema, query: TemplateVersionQuerySchema },
        responses: { 200: json(TemplateViewSchema, 'The version'), ...staffProblems(400, 401, 403, 404) },
      }),
      async (c) =>
        c.json(view(await readTemplate(store, c.req.valid('param').id, c.req.valid('query').version)), 200),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/questionnaires/{id}',
        summary:
          'Edit a template: always saved as a new version, so answers given to earlier ones keep their wording',
        request: { params: IdParamSchema, body: body(TemplateEditSchema) },
        responses: {
          200: json(TemplateViewSchema, 'The new version'),
          ...staffProblems(400, 401, 403, 404, 409, 413, 415),
          ...UNPROCESSABLE,
        },
      }),
      async (c) => {
        const saved = await editTemplate(deps, c.req.valid('param').id, c.req.valid('json'), staffOf(c).sub)
        return c.json(view(saved), 200)
      },
      templateHook,
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/questionnaires/{id}/versions',
        summary: 'Every version of a template, oldest first',
        request: { params: IdParamSchema },
        responses: {
          200: json(TemplateVersionListSchema, 'The versions'),
          ...staffProblems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const versions = await templateHistory(store, c.req.valid('param').id)
        const items = versions.map((t) => ({
          version: t.version,
          name: t.name,
          questions: t.items.length,
          createdAt: toLondonIso(t.createdAt),
          createdBy: t.createdBy,
        }))
        return c.json({ items }, 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/courses/{courseId}/questionnaires/{kind}',
        summary: 'Give a course its own template of a kind, or (`templateId: null`) the default again',
        request: { params: CourseTemplateParamSchema, body: body(CourseTemplateInputSchema) },
        responses: {
          200: json(CourseTemplatesSchema, 'The template each kind of the course uses now'),
          ...staffProblems(400, 401, 403, 404, 413, 415),
          ...UNPROCESSABLE,
        },
      }),
      async (c) => {
        const { courseId, kind } = c.req.valid('param')
        return c.json(await attachCourseTemplate(deps, courseId, kind, c.req.valid('json').templateId), 200)
      },
      templateHook,
    )
}
