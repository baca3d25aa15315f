import { ValidationError } from '../errors.ts'
import {
  type CellError,
  CsvFileError,
  type CsvRow,
  columnOf,
  parseSessionCsv,
  SESSION_CSV_COLUMNS,
} from '../rules/session-csv.ts'
import type { Session } from '../schemas/session.ts'
import { announce, checkSessionBatch, MAX_IMPORT_ROWS, type SessionAdminDeps } from './schedule-session.ts'

/** One row of the preview: what it would schedule, and every problem with it. */
export interface ImportRow {
  row: number
  courseId?: string
  title?: string
  startsAt?: string
  errors: CellError[]
}

export interface ImportPreview {
  rows: ImportRow[]
  /** Rows without errors. */
  valid: number
  /** The file as a whole (e.g. too many rows), apart from any row. */
  fileErrors: string[]
  /** The sessions the rows make, when every row is right. */
  sessions: Session[]
}

/** Checks an import file row by row against every rule, writing nothing. */
export async function previewSessionImport(deps: SessionAdminDeps, csv: string): Promise<ImportPreview> {
  let parsed: CsvRow[]
  try {
    parsed = parseSessionCsv(csv)
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error
    return { rows: [], valid: 0, fileErrors: [error.message], sessions: [] }
  }
  const readable = parsed.flatMap((row) => (row.input ? [{ row: row.row, input: row.input }] : []))
  const { plans } = await checkSessionBatch(
    deps,
    readable.map((row) => row.input),
  )
  const planOf = new Map(readable.map((row, i) => [row.row, plans[i]]))
  const rows = parsed.map((row): ImportRow => {
    const plan = planOf.get(row.row)
    const session = plan?.session
    return {
      row: row.row,
      ...(row.input ? { courseId: row.input.courseId } : {}),
      ...(session ? { title: session.title, startsAt: session.parts[0]?.startsAt } : {}),
      errors: inColumnOrder([
        ...row.errors,
        ...(plan?.errors ?? []).map((e) => ({ column: columnOf(e.field), message: e.message })),
      ]),
    }
  })
  const fileErrors = [
    ...(parsed.length === 0 ? ['The file has no sessions in it: add a row under the header'] : []),
    ...(parsed.length > MAX_IMPORT_ROWS ? [`Import at most ${MAX_IMPORT_ROWS} sessions at a time`] : []),
  ]
  const valid = rows.filter((row) => row.errors.length === 0).length
  const allRight = fileErrors.length === 0 && valid === rows.length
  const sessions = plans.flatMap((plan) => (plan.session ? [plan.session] : []))
  return { rows, valid, fileErrors, sessions: allRight ? sessions : [] }
}

/**
 * Imports every row of the file or none: all rows are checked first, then every session is
 * written in one transaction (at most `MAX_IMPORT_ROWS`), so a failure leaves nothing behind.
 * Those imported as published send the interest alerts they match.
 */
export async function importSessions(deps: SessionAdminDeps, csv: string): Promise<Session[]> {
  const preview = await previewSessionImport(deps, csv)
  if (preview.sessions.length === 0) {
    throw new ValidationError(
      [
        ...preview.fileErrors.map((message) => ({ field: 'file', message })),
        ...preview.rows.flatMap((row) =>
          row.errors.map((e) => ({ field: `row ${row.row}, ${e.column}`, message: e.message })),
        ),
      ],
      'Nothing was imported: correct the rows shown and upload the file again.',
    )
  }
  await deps.sessions.createSessions(preview.sessions)
  await announce(deps, preview.sessions)
  return preview.sessions
}

/** Errors in the order of the file's columns, as a person reads the row. */
function inColumnOrder(errors: CellError[]): CellError[] {
  const order = (column: string) => (SESSION_CSV_COLUMNS as readonly string[]).indexOf(column)
  return [...errors].sort((a, b) => order(a.column) - order(b.column))
}
