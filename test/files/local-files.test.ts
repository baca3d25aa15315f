import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalMaterialFiles, type LocalFilesConfig, localFileServer } from '@ey/files'
import { afterAll, describe, expect, it } from 'vitest'
import { fakeClock, MINUTE } from '../support/factories.ts'

const dir = await mkdtemp(join(tmpdir(), 'local-files-'))
afterAll(() => rm(dir, { recursive: true, force: true }))

const config: LocalFilesConfig = { dir, baseUrl: 'http://127.0.0.1:3000', secret: 'local-link-secret' }
const clock = fakeClock()
const files = createLocalMaterialFiles(config, clock)
const serve = localFileServer(config, clock)
const PDF = new TextEncoder().encode('%PDF-1.7 slides')
const KEY = 'materials/session/s1/m1/slides.pdf'

async function upload(
  url: string,
  body: Uint8Array<ArrayBuffer>,
  type = 'application/pdf',
): Promise<Response> {
  return serve(new Request(url, { method: 'PUT', headers: { 'Content-Type': type }, body }))
}

describe('material files in a local folder', () => {
  it('takes an upload through its signed link, and downloads it as an attachment through another', async () => {
    const ticket = await files.signUpload({ key: KEY, contentType: 'application/pdf', size: PDF.length }, 900)
    expect(
      ticket.url.startsWith('http://127.0.0.1:3000/local-files/materials/session/s1/m1/slides.pdf?'),
    ).toBe(true)
    expect(ticket.expiresAt).toEqual(new Date(clock.now().getTime() + 900_000))
    expect((await upload(ticket.url, PDF)).status).toBe(200)
    expect(await files.stat(KEY)).toEqual({ size: PDF.length })

    const link = await files.signDownload(
      { key: KEY, fileName: 'Week 1 slides.pdf', contentType: 'application/pdf' },
      300,
    )
    const response = await serve(new Request(link))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Week 1 slides.pdf"; filename*=UTF-8''Week%201%20slides.pdf`,
    )
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF)
  })

  it('answers 403 to a download link once it has expired', async () => {
    await files.put({ key: KEY, contentType: 'application/pdf', body: PDF })
    const link = await files.signDownload(
      { key: KEY, fileName: 'slides.pdf', contentType: 'application/pdf' },
      300,
    )
    expect((await serve(new Request(link))).status).toBe(200)
    clock.advance(5 * MINUTE + 1000)
    expect((await serve(new Request(link))).status).toBe(403)
  })

  it.each([
    ['the key', (url: URL) => (url.pathname = url.pathname.replace('m1', 'm2'))],
    [
      'the expiry',
      (url: URL) => url.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600)),
    ],
    ['the name', (url: URL) => url.searchParams.set('name', 'other.pdf')],
    ['the type', (url: URL) => url.searchParams.set('type', 'text/html')],
    ['the signature', (url: URL) => url.searchParams.set('signature', 'A'.repeat(43))],
    ['the operation', (url: URL) => url.searchParams.set('op', 'put')],
  ])('answers 403 to a link whose %s was changed', async (_what, tamper) => {
    await files.put({ key: KEY, contentType: 'application/pdf', body: PDF })
    const url = new URL(
      await files.signDownload({ key: KEY, fileName: 'slides.pdf', contentType: 'application/pdf' }, 300),
    )
    tamper(url)
    expect((await serve(new Request(url))).status).toBe(403)
  })

  it('refuses an upload of another type or size than was signed, and a download link used to upload', async () => {
    const key = 'materials/session/s1/m3/notes.pdf'
    const ticket = await files.signUpload({ key, contentType: 'application/pdf', size: PDF.length }, 900)
    expect((await upload(ticket.url, PDF, 'text/html')).status).toBe(403)
    expect((await upload(ticket.url, new Uint8Array(PDF.length + 1))).status).toBe(400)
    const download = await files.signDownload(
      { key, fileName: 'notes.pdf', contentType: 'application/pdf' },
      300,
    )
    expect((await upload(download, PDF)).status).toBe(403)
    expect(await files.stat(key)).toBeUndefined()
  })

  it('deletes a file, and deleting a missing one is no error', async () => {
    const key = 'materials/course/c1/m4/handout.pdf'
    await files.put({ key, contentType: 'application/pdf', body: PDF })
    await files.delete(key)
    expect(await files.stat(key)).toBeUndefined()
    await files.delete(key)
  })

  it('never reads or writes outside its folder', async () => {
    await expect(files.stat('../outside.pdf')).rejects.toThrow('inside the folder')
    await expect(files.put({ key: '../../etc/x', contentType: 'text/plain', body: PDF })).rejects.toThrow()
  })
})
