import { NationalSummarySchema, PeriodQuerySchema } from '@ey/contract'
import {
  NATIONAL_LA_COLUMNS,
  type NationalDeps,
  nationalFileName,
  nationalLaRows,
  readNationalSummary,
  reportPeriod,
} from '@ey/domain'
import { LOCAL_AUTHORITIES } from '@ey/reference-data'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { csvResponse } from '../csv.ts'
import { router } from '../validation.ts'
import { INVALID_PERIOD } from './la.ts'

/**
 * `/api/admin/national` and `/api/admin/national.csv`: the programme's reach, demand and
 * satisfaction over a period, raw, for administrators only (the download: one row per LA). Figures come from the take-up aggregates, the schedule, the alert
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
  const adminOnly = [requireStaff(deps.staff, 'admin')]
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/national',
        tags: ['admin'],
        summary:
          'The national picture: people reached, sessions, LAs represented, by region and LA, demand, satisfaction',
        description:
          'Raw figures (no small-number rule: administrators only). People and settings are counted per ' +
          'academic year, so they are `null` unless the period is exactly 1 September to 31 August.',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        request: { query: PeriodQuerySchema },
        responses: {
          200: {
            description: 'The national picture',
            content: { 'application/json': { schema: NationalSummarySchema } },
          },
          ...staffProblems(400, 401, 403),
          ...INVALID_PERIOD,
        },
      }),
      async (c) => {
        const period = reportPeriod(c.req.valid('query'), deps.clock.now())
        return c.json(await readNationalSummary(national, period), 200, {
          'Cache-Control': 'private, no-store',
        })
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/national.csv',
        tags: ['admin'],
        summary:
          'The national picture by LA as a CSV file: people, places booked, attendances, waiting, open alerts',
        description:
          'One row per LA (all 153), raw figures; people reached only when the period is one academic year.',
        security: STAFF_SECURITY,
        middleware: adminOnly,
        request: { query: PeriodQuerySchema },
        responses: {
          200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } },
          ...staffProblems(400, 401, 403),
          ...INVALID_PERIOD,
        },
      }),
      async (c) => {
        const period = reportPeriod(c.req.valid('query'), deps.clock.now())
        const summary = await readNationalSummary(national, period)
        const rows = (async function* () {
          yield nationalLaRows(summary)
        })()
        return csvResponse(
          { fileName: nationalFileName(period), header: NATIONAL_LA_COLUMNS, rows },
          deps.logger,
        )
      },
    )
}
