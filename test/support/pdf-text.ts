import { inflateSync } from 'node:zlib'
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { expect } from 'vitest'

/**
 * The text drawn on a one-page PDF, read back with pdf-lib: each content stream inflated and its
 * text operators' hex strings decoded (standard fonts write WinAnsi as hex).
 */
export async function pdfText(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes)
  expect(pdf.getPageCount()).toBe(1)
  const streams = pdf.context
    .enumerateIndirectObjects()
    .flatMap(([, object]) => (object instanceof PDFRawStream ? [object] : []))
  const raw = streams.map((stream) => {
    const flate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode')
    return Buffer.from(flate ? inflateSync(stream.contents) : stream.contents).toString('latin1')
  })
  return raw
    .flatMap((content) => [...content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)])
    .map(([, hex]) => Buffer.from(hex ?? '', 'hex').toString('latin1'))
    .join('\n')
}
