import {
  AnsweredSchema,
  AnswersSchema,
  IdParamSchema,
  ProblemSchema,
  QuestionnaireListSchema,
  QuestionnaireParamSchema,
  type QuestionnaireView,
  QuestionnaireViewSchema,
  type QuestionView,
} from '@ey/contract'
import {
  answerQuestionnaire,
  getQuestionnaire,
  listQuestionnaires,
  type QuestionnaireItem,
  type QuestionnaireTemplate,
  toLondonIso,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

const PRIVATE = { 'Cache-Control': 'private, no-store' }
const PROBLEM = { 'application/problem+json': { schema: ProblemSchema } }

/**
 * A booking's questionnaires, opened by its manage token: their windows, the questions of one
 * kind, and answering it once while it is open.
 */
export function bookingQuestionnaireRoutes(deps: ApiDeps): OpenAPIHono {
  const app = router()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/questionnaires',
      tags: ['questionnaires'],
      summary:
        "The booking's pre, post and follow-up questionnaires: when each opens and closes, and its status",
      security: [{ manageToken: [] }],
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'Each kind',
          content: { 'application/json': { schema: QuestionnaireListSchema } },
        },
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const token = bearerToken(c.req.header('Authorization'))
      const windows = await listQuestionnaires(deps, c.req.valid('param').id, token)
      const items = windows.map(({ kind, status, opensAt, closesAt }) => ({
        kind,
        status,
        opensAt: toLondonIso(opensAt),
        closesAt: toLondonIso(closesAt),
      }))
      return c.json({ items }, 200, PRIVATE)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/questionnaires/{kind}',
      tags: ['questionnaires'],
      summary: 'The questions of one kind: the version answered, or until then the current one',
      security: [{ manageToken: [] }],
      request: { params: QuestionnaireParamSchema },
      responses: {
        200: {
          description: 'The questions',
          content: { 'application/json': { schema: QuestionnaireViewSchema } },
        },
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param')
      const template = await getQuestionnaire(deps, id, bearerToken(c.req.header('Authorization')), kind)
      return c.json(questionnaireView(template), 200, PRIVATE)
    },
  )
  return app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/questionnaires/{kind}',
      tags: ['questionnaires'],
      summary: 'Answer one kind, once, while it is open',
      security: [{ manageToken: [] }],
      request: {
        params: QuestionnaireParamSchema,
        body: { required: true, content: { 'application/json': { schema: AnswersSchema } } },
      },
      responses: {
        200: { description: 'Recorded', content: { 'application/json': { schema: AnsweredSchema } } },
        ...problems(400, 401, 404, 410),
        409: {
          description: 'Answered already, or the questionnaire is not open (not yet, or no longer)',
          content: PROBLEM,
        },
        422: {
          description: 'An answer is missing or not valid; `errors` names each item as `answers.<itemId>`',
          content: PROBLEM,
        },
        ...problems(503),
      },
    }),
    async (c) => {
      const { id, kind } = c.req.valid('param')
      const token = bearerToken(c.req.header('Authorization'))
      const response = await answerQuestionnaire(deps, id, token, kind, c.req.valid('json').answers)
      return c.json({ kind, submittedAt: toLondonIso(response.submittedAt) }, 200)
    },
  )
}

function questionnaireView(template: QuestionnaireTemplate): QuestionnaireView {
  return { kind: template.kind, version: template.version, items: template.items.map(questionView) }
}

/** What the page needs of an item: its wording and answer kind, never what results count it as. */
function questionView(item: QuestionnaireItem): QuestionView {
  const { id, type, text, required } = item
  switch (item.type) {
    case 'rating': {
      const { tag, lowLabel, highLabel } = item
      return { id, type, text, required, ...(tag ? { tag } : {}), lowLabel, highLabel }
    }
    case 'choice':
      return { id, type, text, required, options: item.options }
    default:
      return { id, type, text, required }
  }
}
