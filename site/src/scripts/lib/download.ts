import { type ApiCall, request } from './api.ts'
import { h } from './dom.ts'

/**
 * Fetches a file from the API and hands it to the browser as a download: a plain link cannot
 * carry the token the API needs, which must never travel in a URL a server could log.
 */
export async function download(path: string, call: ApiCall, name: string): Promise<void> {
  const response = await request(path, call)
  const url = URL.createObjectURL(await response.blob())
  const link = h('a', { href: url, download: name })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
