// The JavaScript a built page makes the browser fetch before anyone uses it, gzipped as a compressing
// server sends it: read from the build itself, so the page-weight test and `pnpm audit:site` agree.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** The most gzipped JavaScript a page may load before it is used. */
export const PAGE_JS_BUDGET_BYTES = 20 * 1024

/** One page of a built site and the JavaScript it loads. */
export interface PageWeight {
  /** Relative to the build's folder, like `book/index.html`. */
  page: string
  /** Site paths (`/assets/...js`) of its module scripts and, transitively, their static imports. */
  scripts: string[]
  /** Their gzipped size (level 9), summed. */
  gzippedBytes: number
}

const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*>/g
const SRC = /\bsrc="([^"]+)"/
// Static imports and re-exports in the minified bundles; `import(...)` (loaded on use) is not one.
const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*"([^"]+)"/g

/** Every page of a built site, relative to its folder (`index.html`, `book/index.html`...). */
export function builtPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .sort()
}

/** The JavaScript one built page loads before it is used, and its gzipped size. */
export function pageWeight(siteDir: string, page: string): PageWeight {
  const html = readFileSync(join(siteDir, page), 'utf8')
  const pending = [...html.matchAll(MODULE_SCRIPT)].flatMap((tag) => SRC.exec(tag[0])?.[1] ?? [])
  const scripts = new Set<string>()
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (scripts.has(path)) continue
    scripts.add(path)
    const code = readFileSync(join(siteDir, path), 'utf8')
    for (const [, specifier = ''] of code.matchAll(STATIC_IMPORT)) {
      pending.push(new URL(specifier, `https://site${path}`).pathname)
    }
  }
  const gzippedBytes = [...scripts].reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(siteDir, path)), { level: 9 }).length,
    0,
  )
  return { page, scripts: [...scripts].sort(), gzippedBytes }
}
