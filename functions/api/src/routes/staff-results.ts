import { ResultsQuerySchema, ResultsViewSchema } from '@ey/contract'
import { type ResultsReaders, readResults } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

/**
 * `GET /api/staff/results`: questionnaire results of a session, or of a course's sessions in a
 * period, narrowed to an LA or region. Any staff role may ask; `readResults` decides what the
 * caller may see (403 for a session they do not train or an LA that is not theirs).
 */
export function staffResultsRoutes(deps: ApiDeps, readers: ResultsReaders): OpenAPIHono {
  const resultsDeps = { ...readers, sessions: deps.sessions, registers: deps.registers, las: deps.las }
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/results',
      tags: ['staff'],
      summary: 'Questionnaire results: responses, ratings before and after on matched pairs, yes/no shares',
      description:
        'Administrators and the session’s trainers see raw figures and free text; LA officers see only ' +
        'people from their LAs, with counts of 1 to 4 and figures from fewer than 10 people shown as `c`.',
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff)] as const,
      request: { query: ResultsQuerySchema },
      responses: {
        200: { description: 'The results', content: { 'application/json': { schema: ResultsViewSchema } } },
        ...staffProblems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { results, sessions, freeText } = await readResults(resultsDeps, staffOf(c), c.req.valid('query'))
      return c.json({ sessions, ...results, ...(freeText ? { freeText } : {}) }, 200, {
        'Cache-Control': 'private, no-store',
      })
    },
  )
}
