import { NationalSummarySchema, PeriodQuerySchema } from '@ey/contract'
import { type NationalDeps, readNationalSummary, reportPeriod } from '@ey/domain'
import { LOCAL_AUTHORITIES } from '@ey/reference-data'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

/**
 * `/api/admin/national`: the programme's reach, demand and satisfaction over a period, raw,
 * for administrators only. Figures come from the take-up aggregates, the schedule, the alert
 * counts and the questionnaire responses of the period's sessions, never from a Scan.
 */
export function adminNationalRoutes(deps: ApiDeps): OpenAPIHono {
  const national: NationalDeps = {
    ...deps.results,
    takeUpStats: deps.takeUpStats,
    sessions: deps.sessions,
    catalogue: deps.catalogue,
    alerts: deps.alerts,
    clock: deps.clock,
    laList: LOCAL_AUTHORITIES,
  }
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/national',
      tags: ['admin'],
      summary: 'The national picture: people reached, sessions, LAs represented, by region and LA, demand, satisfaction',
      description:
        'Raw figures (no small-number rule: administrators only). People and settings are counted per ' +
        'academic year, so they are `null` unless the period is exactly 1 September to 31 August.',
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff, 'admin')] as const,
      request: { query: PeriodQuerySchema },
      responses: {
        200: {
          description: 'The national picture',
          content: { 'application/json': { schema: NationalSummarySchema } },
        },
        ...staffProblems(400, 401, 403),
      },
    }),
    async (c) => {
      const period = reportPeriod(c.req.valid('query'), deps.clock.now())
      return c.json(await readNationalSummary(national, period), 200, { 'Cache-Control': 'private, no-store' })
    },
  )
}
