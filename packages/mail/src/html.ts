/** Markup that is already safe to embed; only `html` and `trusted` make one. */
export class SafeHtml {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** Marks markup written by this code (never user text) as safe. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * Tagged template that escapes every interpolated value unless it is `SafeHtml`; arrays are
 * joined and empty values (undefined, null, false) vanish. Raw user text cannot slip through.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += fragment(value) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

function fragment(value: unknown): string {
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(fragment).join('')
  if (value === undefined || value === null || value === false) return ''
  return escapeHtml(String(value))
}
