import {
  LaCodeParamSchema,
  type LaSummary,
  LaSummarySchema,
  PeriodQuerySchema,
  ProblemSchema,
} from '@ey/contract'
import { type LaSummaryReport, readLaSummary } from '@ey/domain'
import { localAuthority } from '@ey/reference-data'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

/** What the `/api/la` routes read: the LA's own items, and the take-up aggregates. */
export type LaRouteDeps = Pick<
  ApiDeps,
  'staff' | 'clock' | 'las' | 'laBookings' | 'catalogue' | 'results' | 'alerts' | 'takeUpStats'
>

/** The 422 of a report whose dates do not make a period (`reportPeriod`). */
export const INVALID_PERIOD = {
  422: {
    description:
      'The dates do not make a period (`to` before `from`, or more than ten years); `errors` names `to`',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
}

/** The report with the names of the LA and its region, as `LaSummarySchema` has it. */
function laSummaryView(report: LaSummaryReport): LaSummary {
  const { laCode, regionCode, region, ...figures } = report
  const la = localAuthority(laCode)
  const regionName = la?.regionName ?? regionCode
  return {
    ...figures,
    la: { code: laCode, name: la?.name ?? laCode, regionCode, regionName },
    region: { ...region, name: regionName },
  }
}

/**
 * The `/api/la` routes: an LA's own take-up, for LA officers of that LA and administrators. The LA
 * is the one in the path, whatever else the request says; everything shown goes through the
 * small-number rule, whoever asks.
 */
export function laRoutes(deps: LaRouteDeps): OpenAPIHono {
  const summaryDeps = { ...deps.results, ...deps }
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{code}/summary',
      tags: ['la'],
      summary: 'An LA’s take-up over a period, beside its region and England, as the LA may see it',
      description:
        'Places booked, attended, no-shows, late cancellations, people and settings, by month, course, ' +
        'topic, role and setting type; questionnaire results of the LA’s people; demand from the LA; ' +
        'the region’s and England’s totals (people and settings only for one academic year, 1 September ' +
        'to 31 August). Counts from 1 to 4, and any that would give one away, are `c`. LA officers may ' +
        'ask for their own LAs only, administrators for any.',
      security: STAFF_SECURITY,
      middleware: [requireStaff(deps.staff, 'la-officer')] as const,
      request: { params: LaCodeParamSchema, query: PeriodQuerySchema },
      responses: {
        200: { description: 'The summary', content: { 'application/json': { schema: LaSummarySchema } } },
        ...staffProblems(400, 401, 403),
        ...INVALID_PERIOD,
      },
    }),
    async (c) => {
      const { code } = c.req.valid('param')
      const report = await readLaSummary(summaryDeps, staffOf(c), {
        laCode: code,
        period: c.req.valid('query'),
      })
      return c.json(laSummaryView(report), 200, { 'Cache-Control': 'private, no-store' })
    },
  )
}
