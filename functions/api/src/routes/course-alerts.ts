import { IdParamSchema, InterestAlertAnswerSchema, InterestAlertRequestSchema } from '@ey/contract'
import { askForInterestAlert } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

const ANSWER = {
  message:
    'We will email you once, when a new date of this course is published where you said you could go. ' +
    'The email has a link to stop it.',
}

/**
 * `POST /api/courses/{id}/alerts`: ask to be told once of a new session of the course. Answers 202
 * with the same body whether or not the address already had an alert, so it never tells who asked.
 */
export function courseAlertRoutes(deps: FirstStepDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/alerts',
      tags: ['catalogue'],
      summary: 'Ask to be emailed once when a new session of the course is published in your area or online',
      description:
        'Always 202 with the same body for a well-formed request of a known course. One open alert per ' +
        'address and course: asking again changes its local authority and scope. The alert is sent once, ' +
        'for the first matching session an administrator publishes, and every alert email can stop it.',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: InterestAlertRequestSchema } } },
      },
      responses: {
        202: {
          description: 'Accepted',
          content: { 'application/json': { schema: InterestAlertAnswerSchema } },
        },
        ...problems(400, 404, 413, 415, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await askForInterestAlert(deps, { courseId: id, ...c.req.valid('json') })
      return c.json(ANSWER, 202)
    },
  )
}
