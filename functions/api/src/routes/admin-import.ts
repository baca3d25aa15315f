import { SessionImportPreviewSchema, SessionImportResultSchema } from '@ey/contract'
import {
  importSessions,
  MAX_IMPORT_ROWS,
  previewSessionImport,
  SESSION_CSV_COLUMNS,
  sessionCsvTemplate,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'
import { adminSessionView } from './admin-sessions.ts'

/** An import file of the most rows allowed is far smaller than this. */
export const MAX_IMPORT_BYTES = 256 * 1024

const CsvBody = {
  required: true,
  description: `The import file (header row, then up to ${MAX_IMPORT_ROWS} sessions); columns: ${SESSION_CSV_COLUMNS.join(', ')}`,
  content: { 'text/csv': { schema: z.string() } },
}

/** The import file's text, refusing anything but CSV. */
async function csvOf(c: Context): Promise<string> {
  if (!/^text\/(csv|plain)\b/i.test(c.req.header('Content-Type') ?? '')) {
    throw new HTTPException(415, { message: 'This endpoint reads a CSV file: set Content-Type: text/csv.' })
  }
  return c.req.text()
}

/** The administrators' CSV import of sessions under `/api/admin/sessions/import`. */
export function adminImportRoutes(deps: ApiDeps): OpenAPIHono {
  const guard = requireStaff(deps.staff, 'admin')
  const large = bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw new HTTPException(413, {
        message: `Send an import file of ${MAX_IMPORT_BYTES / 1024} KB or less.`,
      })
    },
  })
  const base = { tags: ['admin'], security: STAFF_SECURITY }

  return router()
    .openapi(
      createRoute({
        ...base,
        middleware: [guard],
        method: 'get',
        path: '/sessions/import/template.csv',
        summary: 'The import template: the header row and one example row',
        responses: {
          200: { description: 'The template', content: { 'text/csv': { schema: z.string() } } },
          ...staffProblems(401, 403),
        },
      }),
      (c) =>
        c.body(sessionCsvTemplate(), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': 'attachment; filename="sessions-template.csv"',
        }),
    )
    .openapi(
      createRoute({
        ...base,
        middleware: [guard, large],
        method: 'post',
        path: '/sessions/import/preview',
        summary: "Check an import file: every row's errors by row and column; nothing is written",
        request: { body: CsvBody },
        responses: {
          200: {
            description: 'Each row and its errors',
            content: { 'application/json': { schema: SessionImportPreviewSchema } },
          },
          ...staffProblems(401, 403, 413, 415),
        },
      }),
      async (c) => {
        const csv = await csvOf(c)
        const { sessions: _unwritten, ...preview } = await previewSessionImport(deps, csv)
        return c.json(preview, 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        middleware: [guard, large],
        method: 'post',
        path: '/sessions/import',
        summary: `Import every session of the file, or none when any row is wrong (at most ${MAX_IMPORT_ROWS} rows)`,
        request: { body: CsvBody },
        responses: {
          201: {
            description: 'The sessions made',
            content: { 'application/json': { schema: SessionImportResultSchema } },
          },
          ...staffProblems(400, 401, 403, 409, 413, 415),
        },
      }),
      async (c) => {
        const csv = await csvOf(c)
        const sessions = await importSessions(deps, csv)
        return c.json({ created: sessions.length, items: sessions.map(adminSessionView) }, 201)
      },
    )
}
