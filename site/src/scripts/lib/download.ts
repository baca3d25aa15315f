import { type ApiCall, request } from './api.ts'
import { h } from './dom.ts'

/** The file name the API gave in `Content-Disposition` (`filename*` first, as RFC 6266 says), if any. */
function servedName(response: Response): string | undefined {
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1]
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim())
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  return (
    /filename\s*=\s*"([^"]+)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1]
  )
}

/**
 * Fetches a file from the API and hands it to the browser as a download, named as the API names
 * it, or `name` when it does not: a plain link cannot carry the token the API needs, which must
 * never travel in a URL a server could log.
 */
export async function download(path: string, call: ApiCall, name: string): Promise<void> {
  const response = await request(path, call)
  const url = URL.createObjectURL(await response.blob())
  const link = h('a', { href: url, download: servedName(response) ?? name })
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
