let names: Record<string, string> | undefined

/** The name of an LA from the page's embedded list, or its code when the page has none. */
export function laName(code: string): string {
  names ??= JSON.parse(document.getElementById('la-names')?.textContent ?? '{}') as Record<string, string>
  return names[code] ?? code
}
