import { type AlertStopped, AlertStoppedSchema, AlertStopQuerySchema, IdParamSchema } from '@ey/contract'
import { stopInterestAlert } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * `POST /api/alerts/{id}/stop`: stops an interest alert with the token of its email, from the stop
 * page (`Authorization: Bearer`) or straight from a mail client's one-click unsubscribe (RFC 8058:
 * a POST to the `List-Unsubscribe` address, token in the query, body `List-Unsubscribe=One-Click`,
 * which is not read). A wrong token answers 404 like an unknown id.
 */
export function alertRoutes(deps: FirstStepDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/stop',
      tags: ['alerts'],
      summary: 'Stop an interest alert (open or already sent): nothing more is sent for it',
      description:
        'Send the stop token from the alert email as Authorization: Bearer, or as the `token` query ' +
        'parameter (the List-Unsubscribe address carries it so). Stopping again answers the same.',
      security: [{ alertStopToken: [] }],
      request: { params: IdParamSchema, query: AlertStopQuerySchema },
      responses: {
        200: { description: 'Stopped', content: { 'application/json': { schema: AlertStoppedSchema } } },
        ...problems(400, 401, 404, 413, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const token =
        c.req.valid('query').token ??
        bearerToken(
          c.req.header('Authorization'),
          'Send the stop token from the alert email as Authorization: Bearer <token> or as ?token=.',
        )
      const alert = await stopInterestAlert(deps, id, token)
      const course = await deps.catalogue.getCourse(alert.courseId)
      const answer: AlertStopped = {
        status: 'stopped',
        ...(course ? { course: { id: course.id, title: course.title } } : {}),
      }
      return c.json(answer, 200)
    },
  )
}
