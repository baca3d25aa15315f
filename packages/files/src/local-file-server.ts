import { createReadStream } from 'node:fs'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Readable } from 'node:stream'
import type { Clock } from '@ey/domain'
import { attachment } from './disposition.ts'
import { type LocalFilesConfig, pathOf } from './local-files.ts'
import { grantOf } from './signed-links.ts'

const refused = () => new Response('This link is not valid or has expired.', { status: 403 })

/**
 * What the local stack answers under `/local-files/`: a signed `GET` downloads the file as an
 * attachment, a signed `PUT` of exactly the signed type and size stores it. Anything unsigned,
 * tampered with or expired is 403, as S3 answers a bad presigned link.
 */
export function localFileServer(
  config: Pick<LocalFilesConfig, 'dir' | 'secret'>,
  clock: Clock,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const grant = grantOf(config.secret, new URL(request.url), clock.now())
    if (!grant || grant.op !== request.method.toLowerCase()) return refused()
    const path = pathOf(config.dir, grant.key)
    if (grant.op === 'get') {
      const found = await stat(path).catch(() => undefined)
      if (!found?.isFile()) return new Response('Not found', { status: 404 })
      const body = Readable.toWeb(createReadStream(path)) as ReadableStream
      return new Response(body, {
        headers: {
          'Content-Type': grant.type,
          'Content-Length': String(found.size),
          'Content-Disposition': attachment(grant.name),
          'Cache-Control': 'private, no-store',
        },
      })
    }
    if (request.headers.get('Content-Type') !== grant.type) return refused()
    const wrongSize = () => new Response('The file is not the size that was signed.', { status: 400 })
    // A declared length other than the signed one is refused before the body is read.
    const declared = request.headers.get('Content-Length')
    if (declared !== null && Number(declared) !== grant.size) return wrongSize()
    const body = new Uint8Array(await request.arrayBuffer())
    if (body.byteLength !== grant.size) return wrongSize()
    await mkdir(dirname(path), { recursive: true })
    // Written aside then moved, so a file is either whole or absent.
    await writeFile(`${path}.part`, body)
    await rename(`${path}.part`, path)
    return new Response(null, { status: 200 })
  }
}
