/**
 * What every CSV download does to its cells and its name, so that a file opened in a spreadsheet
 * shows what was stored and nothing runs (CSV injection, also called formula injection).
 */

/** A spreadsheet reads a cell starting with one of these as a formula, or may (tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A cell as written to a CSV file: a text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading `'`, so spreadsheets show it as text instead of running it; any other is
 * unchanged. Numbers are written as they are (the files hold no negative numbers).
 */
export function neutraliseCell(value: string | number): string {
  const text = String(value)
  return typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text
}

/** What a download's file name is made of: `<la-code>-<la-name>-<from>-<to>-<what>.csv`. */
export interface DownloadName {
  laCode: string
  laName: string
  from: string
  to: string
  /** What the file holds, e.g. `attendees`. */
  what: string
}

/**
 * A download's file name, in safe ASCII: `E08000035-leeds-2026-09-01-2027-08-31-attendees.csv`.
 * The LA's name is slugged (accents dropped, lower case, anything but letters and digits read as
 * one hyphen), and so is every other part, so no quote, slash or control character reaches the
 * `Content-Disposition` header or a file system.
 */
export function downloadFileName(name: DownloadName): string {
  const code = slug(name.laCode, false)
  return `${[code, slug(name.laName), slug(name.from), slug(name.to), slug(name.what)].join('-')}.csv`
}

function slug(text: string, lower = true): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  return (lower ? ascii.toLowerCase() : ascii).replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
