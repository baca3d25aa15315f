/**
 * `Content-Disposition: attachment` naming the file: an ASCII fallback and the UTF-8 name
 * (RFC 6266), so a browser saves it under its name and never shows it inline.
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
