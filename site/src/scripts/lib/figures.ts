import { type BarGroup, barChart } from '../../lib/charts.ts'
import { h, svg } from './dom.ts'

/** A figure from the API: a number, `c` where the small-number rule hides it, `null` where there is none. */
export type Figure = number | 'c' | null

/** A figure as the tables write it: `c` where hidden, `none` where nobody answered. */
export function shown(value: Figure, unit = ''): string {
  if (value === null) return 'none'
  if (value === 'c') return 'c'
  return `${value}${unit}`
}

/** A GOV.UK table with a caption, column headings and rows whose first cell heads the row. */
export function table(caption: string, columns: string[], rows: string[][]): HTMLElement {
  return h(
    'div',
    { class: 'app-table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      { class: 'govuk-table' },
      h('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption),
      h(
        'thead',
        { class: 'govuk-table__head' },
        h(
          'tr',
          { class: 'govuk-table__row' },
          ...columns.map((column) => h('th', { scope: 'col', class: 'govuk-table__header' }, column)),
        ),
      ),
      h(
        'tbody',
        { class: 'govuk-table__body' },
        ...rows.map(([head, ...cells]) =>
          h(
            'tr',
            { class: 'govuk-table__row' },
            h('th', { scope: 'row', class: 'govuk-table__header' }, head ?? ''),
            ...cells.map((cell) => h('td', { class: 'govuk-table__cell' }, cell)),
          ),
        ),
      ),
    ),
  )
}

/** A bar chart (hidden from screen readers: a table of its figures follows it) in its box. */
export function chart(groups: BarGroup[], max: number, unit: string): HTMLElement {
  const format = (value: number) => `${value}${unit}`
  return h('div', { class: 'app-chart-box' }, svg(barChart({ groups, max, format })))
}
