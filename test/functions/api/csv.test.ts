import { describe, expect, it } from 'vitest'
import { type CsvRow, csvResponse, csvText } from '../../../functions/api/src/csv.ts'
import { recordingLogger } from './support.ts'

/** Batches of rows, counting how many the response has asked for. */
function counted(batches: CsvRow[][]): {
  rows: AsyncIterable<CsvRow[]>
  asked: () => number
  stopped: () => boolean
} {
  let asked = 0
  let stopped = false
  async function* rows() {
    try {
      for (const batch of batches) {
        asked++
        yield batch
      }
    } finally {
      stopped = true
    }
  }
  return { rows: rows(), asked: () => asked, stopped: () => stopped }
}

const download = (rows: AsyncIterable<CsvRow[]>) => ({
  fileName: 'file.csv',
  header: ['name', 'count'],
  rows,
})

describe('csvText', () => {
  it('quotes as RFC 4180 says, with CRLF line ends', () => {
    const text = csvText([
      ['plain', 3],
      ['a, comma', 'a "quote"'],
      ['two\nlines', ''],
    ])
    expect(text).toBe('plain,3\r\n"a, comma","a ""quote"""\r\n"two\nlines",\r\n')
  })

  it('writes a formula as inert text', () => {
    expect(csvText([['=HYPERLINK("http://x","y")', '@A1', '+1', '-1', '\tx', '\rx']])).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",'@A1,'+1,'-1,'\tx,"'\rx"\r\n`,
    )
  })
})

describe('csvResponse', () => {
  it('answers UTF-8 CSV with a byte order mark, as an attachment never cached', async () => {
    const response = await csvResponse(
      download(counted([[['Ann', 1]], [], [['Ben', 2]]]).rows),
      recordingLogger(),
    )
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="file.csv"')
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('name,count\r\nAnn,1\r\nBen,2\r\n')
  })

  it('writes the header alone when there are no rows', async () => {
    const response = await csvResponse(download(counted([]).rows), recordingLogger())
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFname,count\r\n')
  })

  it('reads the batches as the body is read, and stops reading when the reader leaves', async () => {
    const batches = Array.from({ length: 50 }, (_, page) => [[`person ${page}`, page] as CsvRow])
    const source = counted(batches)
    const response = await csvResponse(download(source.rows), recordingLogger())
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    await reader.read()
    await reader.read()
    expect(source.asked()).toBeLessThan(5)
    await reader.cancel()
    expect(source.stopped()).toBe(true)
    expect(source.asked()).toBeLessThan(5)
  })

  it('fails before answering when the first read fails', async () => {
    async function* failing(): AsyncGenerator<CsvRow[]> {
      yield* []
      throw new Error('table unavailable')
    }
    await expect(csvResponse(download(failing()), recordingLogger())).rejects.toThrow('table unavailable')
  })

  it('ends the body with an error, logged, when a later read fails', async () => {
    async function* failing(): AsyncGenerator<CsvRow[]> {
      yield [['Ann', 1]]
      throw new Error('table unavailable')
    }
    const logger = recordingLogger()
    const response = await csvResponse(download(failing()), logger)
    await expect(response.text()).rejects.toThrow('table unavailable')
    expect(logger.lines.map((line) => line.args[0])).toEqual(['CSV download failed part-way'])
  })
})
