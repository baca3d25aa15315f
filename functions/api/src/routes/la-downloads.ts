import { LaCodeParamSchema, LaSummaryCsvQuerySchema, PeriodQuerySchema } from '@ey/contract'
import {
  courseMonthRows,
  type DayRange,
  downloadFileName,
  laAttendees,
  laCourseMonths,
  laReadPeriod,
  recordLaRead,
} from '@ey/domain'
import { localAuthority } from '@ey/reference-data'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { type CsvRow, csvResponse } from '../csv.ts'
import {
  ATTENDEE_COLUMNS,
  attendeeLines,
  DICTIONARY_HEADER,
  dictionaryRows,
  rowsOf,
  SUMMARY_COLUMNS,
} from '../la-csv.ts'
import { router } from '../validation.ts'

const CSV_RESPONSE = {
  description: 'The file, UTF-8 with a byte order mark, as an attachment',
  content: { 'text/csv': { schema: z.string() } },
}

/**
 * The LA downloads under `/api/la`: the attendee list and the summary by course and month (with
 * its data dictionary). LA officers of the LA in the path and administrators only, whatever the
 * query says; each download is written to the audit log before its first byte.
 */
export function laDownloadRoutes(deps: ApiDeps): OpenAPIHono {
  const base = {
    tags: ['la'],
    security: STAFF_SECURITY,
    middleware: [requireStaff(deps.staff, 'la-officer')],
    responses: { 200: CSV_RESPONSE, ...staffProblems(400, 401, 403) },
  }
  const audit = { audit: deps.accessAudit, clock: deps.clock, ids: deps.ids }
  const fileName = (laCode: string, period: DayRange, what: string) =>
    downloadFileName({ laCode, laName: localAuthority(laCode)?.name ?? laCode, ...period, what })

  return router()
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/{code}/attendees.csv',
        summary: 'The LA’s attendee list: a line per booking of each person who agreed to share',
        description:
          'Every booking (any status) of a session starting in the period, of the people from the LA who ' +
          'agreed to share their attendance with it; the people who did not are never listed. Streamed.',
        request: { params: LaCodeParamSchema, query: PeriodQuerySchema },
      }),
      async (c) => {
        const principal = staffOf(c)
        const { code } = c.req.valid('param')
        const period = laReadPeriod(principal, code, c.req.valid('query'), deps.clock.now())
        await recordLaRead(audit, principal, { action: 'la-attendees-csv', laCode: code, period })
        const titles = new Map(
          (await deps.catalogue.listCourses()).map((course) => [course.id, course.title]),
        )
        const lines = attendeeLines(titles)
        async function* rows(): AsyncGenerator<CsvRow[]> {
          for await (const page of laAttendees(deps, code, period))
            yield rowsOf(ATTENDEE_COLUMNS, lines(page))
        }
        const header = ATTENDEE_COLUMNS.map((column) => column.name)
        return csvResponse(
          { fileName: fileName(code, period, 'attendees'), header, rows: rows() },
          deps.logger,
        )
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/{code}/summary.csv',
        summary:
          'The LA’s take-up by course and month, with totals, as the LA may see it; or its data dictionary',
        description:
          'A line per course and month, each course over all months, each month over all courses and the ' +
          'grand total; every count through the small-number rule. `?dictionary` answers a file describing ' +
          'every column of both downloads instead.',
        request: { params: LaCodeParamSchema, query: LaSummaryCsvQuerySchema },
      }),
      async (c) => {
        const principal = staffOf(c)
        const { code } = c.req.valid('param')
        const { dictionary, ...asked } = c.req.valid('query')
        const period = laReadPeriod(principal, code, asked, deps.clock.now())
        if (dictionary !== undefined) {
          const rows = once(dictionaryRows())
          return csvResponse(
            { fileName: fileName(code, period, 'dictionary'), header: DICTIONARY_HEADER, rows },
            deps.logger,
          )
        }
        const [tally, courses] = await Promise.all([
          laCourseMonths(deps, code, period),
          deps.catalogue.listCourses(),
        ])
        const titles = new Map(courses.map((course) => [course.id, course.title]))
        const laName = localAuthority(code)?.name ?? code
        const lines = courseMonthRows(
          tally,
          courses.map((course) => course.id),
        ).map((row) => ({
          ...row,
          laCode: code,
          laName,
          courseTitle: row.courseId === null ? 'all courses' : (titles.get(row.courseId) ?? row.courseId),
        }))
        await recordLaRead(audit, principal, {
          action: 'la-summary-csv',
          laCode: code,
          period,
          rows: lines.length,
        })
        const header = SUMMARY_COLUMNS.map((column) => column.name)
        const rows = once(rowsOf(SUMMARY_COLUMNS, lines))
        return csvResponse({ fileName: fileName(code, period, 'summary'), header, rows }, deps.logger)
      },
    )
}

/** Rows already in memory (a small file), as the one batch of a download. */
async function* once(rows: CsvRow[]): AsyncGenerator<CsvRow[]> {
  yield rows
}
