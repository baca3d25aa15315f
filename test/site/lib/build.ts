import { readdirSync } from 'node:fs'

/** Every page of a built site, as paths relative to its folder (`index.html`, `book/index.html`...). */
export function builtPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .sort()
}
