import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, resolve, sep } from 'node:path'
import type { Clock, MaterialFiles } from '@ey/domain'
import { linkOf } from './signed-links.ts'

/** A folder that stands in for the bucket on one machine, and how its links are signed. */
export interface LocalFilesConfig {
  /** Absolute folder the files are kept in. */
  dir: string
  /** The origin that serves the links (the local stack's web server). */
  baseUrl: string
  /** The key links are signed with; the server that checks them holds the same. */
  secret: string
}

/** The file of a key inside the folder; a key that would leave the folder is refused. */
export function pathOf(dir: string, key: string): string {
  const root = resolve(dir)
  const path = resolve(root, key)
  if (!path.startsWith(root + sep)) throw new Error('A file key must stay inside the folder')
  return path
}

/** Material files in a local folder, uploaded and downloaded through HMAC-signed expiring links. */
export function createLocalMaterialFiles(config: LocalFilesConfig, clock: Clock): MaterialFiles {
  const expiry = (seconds: number) => Math.floor(clock.now().getTime() / 1000) + seconds
  return {
    async put({ key, body }) {
      const path = pathOf(config.dir, key)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, body)
    },
    async signUpload({ key, contentType, size }, seconds) {
      const expires = expiry(seconds)
      return {
        url: linkOf(config.baseUrl, config.secret, { op: 'put', key, expires, type: contentType, size }),
        method: 'PUT',
        headers: { 'Content-Type': contentType },
        expiresAt: new Date(expires * 1000),
      }
    },
    async signDownload({ key, fileName, contentType }, seconds) {
      return linkOf(config.baseUrl, config.secret, {
        op: 'get',
        key,
        expires: expiry(seconds),
        type: contentType,
        name: fileName,
      })
    },
    async stat(key) {
      const found = await stat(pathOf(config.dir, key)).catch(() => undefined)
      return found?.isFile() ? { size: found.size } : undefined
    },
    async delete(key) {
      await rm(pathOf(config.dir, key), { force: true })
    },
  }
}
