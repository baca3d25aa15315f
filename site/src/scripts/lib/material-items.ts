import type { MaterialView } from '@ey/contract'
import { h } from './dom.ts'

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'video/mp4': 'MP4 video',
  'video/webm': 'WebM video',
  'text/plain': 'text',
}

/** A file's size in words: `24 KB`, `3.2 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** What a material is, after its title: `(PDF, 24 KB)` for a file, `(link)` for a link. */
export function materialKind(material: MaterialView): string {
  if (material.kind === 'link') return 'link'
  const extension = material.fileName?.split('.').pop()?.toUpperCase() ?? 'file'
  const kind = KINDS[material.contentType ?? ''] ?? `${extension} file`
  return `${kind}, ${fileSize(material.size ?? 0)}`
}

/** The material as a link: a file downloads (its link is signed for a few minutes), a link opens. */
export function materialLink(material: MaterialView): HTMLElement {
  const props: Record<string, string> = { class: 'govuk-link', href: material.href }
  if (material.kind === 'link') props.rel = 'noreferrer noopener external'
  return h(
    'a',
    props,
    material.title,
    h('span', { class: 'govuk-visually-hidden' }, ` (${materialKind(material)})`),
  )
}

/** The material's line: its link, then what it is. */
export function materialLine(material: MaterialView, ...after: (Node | string)[]): HTMLElement {
  return h(
    'li',
    {},
    materialLink(material),
    h('span', { 'aria-hidden': 'true' }, ` (${materialKind(material)})`),
    ...after,
  )
}
