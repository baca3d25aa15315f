/**
 * Bar charts as plain SVG trees, drawn by the results pages (no chart library: a chart is a few
 * rectangles). Pure: the same figures give the same drawing, so it is tested without a browser.
 * A chart never stands alone: the page puts its figures in a table after it, for screen readers.
 */

/** An SVG element: its name, attributes and children, or the text it holds. */
export interface SvgNode {
  name: string
  attrs: Record<string, string>
  children: SvgNode[]
  text?: string
}

/** One bar: a figure, `c` where the small-number rule hides it, or `null` where there is none. */
export interface Bar {
  label: string
  value: number | 'c' | null
  /** Which of the chart's series it belongs to: `0` is drawn grey (before), `1` blue (after). */
  series: 0 | 1
}

/** A labelled group of bars, drawn one under another. */
export interface BarGroup {
  label: string
  bars: Bar[]
}

/** What the chart shows and how its figures are written. */
export interface BarChart {
  groups: BarGroup[]
  /** The figure a full-width bar stands for (100 for percentages). */
  max: number
  /** Writes a figure beside its bar, like `42.5%`. */
  format: (value: number) => string
}

/** GOV.UK's dark grey and blue: both pass 3:1 against white, as non-text contrast asks. */
const SERIES_FILL = ['#505a5f', '#1d70b8'] as const
const WIDTH = 600
const LABEL_WIDTH = 150
const BAR_SPACE = WIDTH - LABEL_WIDTH - 70
const BAR_HEIGHT = 22
const GROUP_GAP = 18
const HEADING = 22

const node = (
  name: string,
  attrs: Record<string, string>,
  children: SvgNode[] = [],
  text?: string,
): SvgNode => ({
  name,
  attrs,
  children,
  ...(text === undefined ? {} : { text }),
})

/**
 * A horizontal bar chart: each group's label above its bars, each bar's label on its left and its
 * figure on its right (`c` or "no figure" where there is no bar). It scales to its container's
 * width through its viewBox.
 */
export function barChart(chart: BarChart): SvgNode {
  const children: SvgNode[] = []
  let y = 0
  for (const group of chart.groups) {
    children.push(node('text', { x: '0', y: String(y + 16), class: 'app-chart__group' }, [], group.label))
    y += HEADING
    for (const bar of group.bars) {
      const middle = String(y + BAR_HEIGHT / 2 + 5)
      children.push(node('text', { x: '0', y: middle }, [], bar.label))
      const width =
        typeof bar.value === 'number' && chart.max > 0
          ? Math.round((Math.max(0, Math.min(bar.value, chart.max)) / chart.max) * BAR_SPACE)
          : 0
      if (typeof bar.value === 'number') {
        children.push(
          node('rect', {
            x: String(LABEL_WIDTH),
            y: String(y),
            width: String(width),
            height: String(BAR_HEIGHT),
            fill: SERIES_FILL[bar.series],
          }),
        )
      }
      const figure = bar.value === null ? 'no figure' : bar.value === 'c' ? 'c' : chart.format(bar.value)
      children.push(node('text', { x: String(LABEL_WIDTH + width + 6), y: middle }, [], figure))
      y += BAR_HEIGHT + 4
    }
    y += GROUP_GAP
  }
  const height = Math.max(y - GROUP_GAP, 0)
  return node(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      class: 'app-chart',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    children,
  )
}
