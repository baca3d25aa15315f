import { neutraliseCell } from '@ey/domain'
import { stringify } from 'csv-stringify/sync'
import type { ApiLogger } from './api-deps.ts'

/** One cell of a CSV file: text or a number. */
export type CsvCell = string | number

/** One row of a CSV file. */
export type CsvRow = readonly CsvCell[]

/** A CSV file to download: its name, header row, and rows a batch at a time (a page of bookings). */
export interface CsvDownload {
  /** Safe ASCII (see `downloadFileName`): it goes into `Content-Disposition` as it is. */
  fileName: string
  header: readonly string[]
  rows: AsyncIterable<readonly CsvRow[]>
}

/** Excel reads a file as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF'

/**
 * Rows as RFC 4180 CSV text (`csv-stringify`): fields quoted when they hold a comma, a quote, a
 * line feed or a carriage return, quotes doubled, each record ended by CRLF; every cell neutralised first.
 */
export function csvText(rows: readonly CsvRow[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    // csv-stringify quotes only the record delimiter (CRLF); a lone CR or LF breaks the line too.
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  )
}

/**
 * A download's response: UTF-8 with a byte order mark, `text/csv`, an attachment under its file
 * name, never cached. The body is a stream fed a batch at a time as the reader takes it, so the
 * whole file is never in memory. The first batch is read before the response is made, so a
 * failure of the first read answers a problem as any route does; a later one ends the body early
 * (the status is sent by then) and is logged.
 */
export async function csvResponse(download: CsvDownload, logger: ApiLogger): Promise<Response> {
  const batches = download.rows[Symbol.asyncIterator]()
  const first = await batches.next()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const rows = first.done ? [] : first.value
      controller.enqueue(encoder.encode(BOM + csvText([download.header, ...rows])))
      if (first.done) controller.close()
    },
    async pull(controller) {
      try {
        // An empty batch enqueues nothing; read on, or the waiting reader is never answered.
        for (;;) {
          const next = await batches.next()
          if (next.done) return controller.close()
          if (next.value.length > 0) return controller.enqueue(encoder.encode(csvText(next.value)))
        }
      } catch (error) {
        logger.error('CSV download failed part-way', error instanceof Error ? error : String(error))
        controller.error(error)
      }
    },
    async cancel() {
      await batches.return?.()
    },
  })
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${download.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
