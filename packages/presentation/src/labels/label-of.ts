/** The label of a code, or the code itself when the API sends one this build does not know yet. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code
}
