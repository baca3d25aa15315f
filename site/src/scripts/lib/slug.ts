/**
 * A URL-safe id from a name or title (`Makaton Level 1` → `makaton-level-1`): ids show in public
 * links, so they are made from what people read rather than random.
 */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
}
