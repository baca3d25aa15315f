/**
 * The platform's small-number rule: figures about few people are shown as `c` (confidential), so
 * nobody outside the programme team can pick out what one practitioner answered. Administrators
 * see raw figures; everything LA-facing goes through these functions.
 *
 * One figure at a time: `suppressCount` (a count) and `suppressFigure` (a share, mean or change).
 * A table of counts with its totals: `suppressTable`, and `suppressList` for a single list with
 * its total. They hide counts from 1 to 4 and then, as secondary suppression, further cells, so
 * that no hidden count can be worked out from the published totals and the other published cells.
 */

/** What a suppressed figure is shown as. */
export const SUPPRESSED = 'c'
export type Suppressed = typeof SUPPRESSED

/** A count as shown outside the programme team: the count, or `c`. */
export type ShownCount = number | Suppressed

/** The smallest count shown: counts from 1 to `MIN_SHOWN_COUNT - 1` become `c` (0 stays 0). */
export const MIN_SHOWN_COUNT = 5

/** The fewest people a share, mean or change may be computed from before it is shown. */
export const MIN_PEOPLE_FOR_FIGURE = 10

/** A count as shown outside the programme team: 1 to 4 become `c`; 0 and 5 or more are shown. */
export function suppressCount(count: number): ShownCount {
  return count > 0 && count < MIN_SHOWN_COUNT ? SUPPRESSED : count
}

/**
 * A share, mean or change computed from `people` people, as shown outside the programme team:
 * `c` when fewer than `MIN_PEOPLE_FOR_FIGURE`; `null` (no figure: nobody answered) stays `null`.
 */
export function suppressFigure(value: number | null, people: number): ShownCount | null {
  if (value === null) return null
  return people < MIN_PEOPLE_FOR_FIGURE ? SUPPRESSED : value
}

/** Which totals of a table are published beside its cells; each total is the sum of its line. */
export interface PublishedTotals {
  rowTotals: boolean
  columnTotals: boolean
  total: boolean
}

/** A table of counts as shown: the cells, and each total that is published. */
export interface ShownTable {
  cells: ShownCount[][]
  rowTotals?: ShownCount[]
  columnTotals?: ShownCount[]
  total?: ShownCount
}

/** A list of counts as shown, with its total. */
export interface ShownList {
  counts: ShownCount[]
  total: ShownCount
}

/**
 * Figures of a table to hide from the start, whatever their size: those another published table
 * or list hides where it shares them (the same total, the same line), so that the two together
 * never give away what either hides.
 */
export interface HiddenFigures {
  cells?: readonly (readonly boolean[])[]
  rowTotals?: readonly boolean[]
  columnTotals?: readonly boolean[]
  total?: boolean
}

const ALL_TOTALS: PublishedTotals = { rowTotals: true, columnTotals: true, total: true }

/**
 * A table of counts (rows × columns) and its totals as shown outside the programme team. The
 * totals are the sums of their rows and columns; `published` says which are shown (all, unless
 * told). Every count from 1 to 4, total or cell, becomes `c`, and 0 stays 0. Then, while any
 * hidden count could be worked out exactly from the published figures, one more is hidden:
 *
 * - a hidden count alone in its row or column (with that line's total published) gives it away by
 *   subtraction: the smallest other non-zero cell of that line is hidden too (its total only when
 *   the line has no such cell); the row is looked at before the column;
 * - otherwise, a hidden count can still be worked out when it is the only link between two groups
 *   of hidden counts (adding some lines and subtracting others isolates it), so the smallest
 *   published count that joins the two groups is hidden, or, when none does, the smallest
 *   published count anywhere.
 *
 * - a hidden count is never 0, so a line whose published total leaves its hidden counts exactly as
 *   many as there are of them (two hidden counts making 2) says each is 1: the smallest other
 *   non-zero cell of that line is hidden too (its total, when it has none).
 *
 * Hidden counts are dealt with in reading order, and ties go to the first in reading order (rows
 * top to bottom, each row's total after its cells, the column totals last). Zeros are never
 * hidden, so a `c` always stands for at least 1: the rule shows 0 as 0, and a hidden 0 would add
 * little, since a reader who knows that counts are never negative can bound its partners from it.
 * Hiding every non-zero figure leaves nothing to work out, so the loop always ends.
 *
 * `alsoHidden` names published figures hidden from the start, as if small (see `HiddenFigures`).
 */
export function suppressTable(
  cells: readonly (readonly number[])[],
  published = ALL_TOTALS,
  alsoHidden: HiddenFigures = {},
): ShownTable {
  const grid = extendedGrid(cells, published)
  const { rows, columns } = grid
  const forced = (figure: Figure) =>
    figure.row < rows
      ? figure.column < columns
        ? alsoHidden.cells?.[figure.row]?.[figure.column]
        : alsoHidden.rowTotals?.[figure.row]
      : figure.column < columns
        ? alsoHidden.columnTotals?.[figure.column]
        : alsoHidden.total
  for (const figure of grid.figures)
    figure.hidden = figure.shown && (suppressCount(figure.value) === SUPPRESSED || (forced(figure) ?? false))
  for (;;) {
    for (let bridge = firstBridge(grid); bridge; bridge = firstBridge(grid))
      complement(grid, bridge).hidden = true
    const ones = firstLineOfOnes(grid)
    if (!ones) break
    partnerInLine(ones).hidden = true
  }
  const show = (figures: Figure[]) => figures.map((figure) => (figure.hidden ? SUPPRESSED : figure.value))
  const inner = grid.figures.filter((figure) => figure.row < rows && figure.column < columns)
  const totals = lineOf(grid, { row: rows, column: columns })
  const rowTotals = totals.column.filter((figure) => figure.row < rows)
  const columnTotals = totals.row.filter((figure) => figure.column < columns)
  return {
    cells: cells.map((_, row) => show(inner.filter((figure) => figure.row === row))),
    ...(published.rowTotals ? { rowTotals: show(rowTotals) } : {}),
    ...(published.columnTotals ? { columnTotals: show(columnTotals) } : {}),
    ...(published.total ? { total: show(totals.row.slice(-1))[0] } : {}),
  }
}

/**
 * A list of counts (bookings by role, people by setting type) and its total, as shown outside the
 * programme team: `suppressTable` on a table of one row with its total (`alsoHidden` as there).
 */
export function suppressList(
  counts: readonly number[],
  alsoHidden: { counts?: readonly boolean[]; total?: boolean } = {},
): ShownList {
  const table = suppressTable(
    [counts],
    { rowTotals: true, columnTotals: false, total: false },
    {
      ...(alsoHidden.counts ? { cells: [alsoHidden.counts] } : {}),
      ...(alsoHidden.total !== undefined ? { rowTotals: [alsoHidden.total] } : {}),
    },
  )
  return { counts: table.cells.flat(), total: table.rowTotals?.[0] ?? 0 }
}

/**
 * One figure of the table with its totals (a cell, a row or column total, or the grand total), at
 * its place in a grid with the column totals as an extra row and the row totals as an extra column,
 * so that every row and every column of the grid is a line whose last figure is the sum of the rest.
 */
interface Figure {
  row: number
  column: number
  value: number
  shown: boolean
  hidden: boolean
}

interface Grid {
  rows: number
  columns: number
  figures: Figure[]
}

function extendedGrid(cells: readonly (readonly number[])[], published: PublishedTotals): Grid {
  const rows = cells.length
  const columns = cells[0]?.length ?? 0
  if (cells.some((line) => line.length !== columns))
    throw new RangeError('Every row of a table needs the same columns')
  const figures = cells.flatMap((line, row) =>
    line.map((value, column) => ({ row, column, value, shown: true, hidden: false })),
  )
  const sum = (line: Figure[]) => line.reduce((total, figure) => total + figure.value, 0)
  const rowTotals = cells.map((_, row) => ({
    row,
    column: columns,
    value: sum(figures.filter((figure) => figure.row === row)),
    shown: published.rowTotals,
    hidden: false,
  }))
  const columnTotals = Array.from({ length: columns }, (_, column) => ({
    row: rows,
    column,
    value: sum(figures.filter((figure) => figure.column === column)),
    shown: published.columnTotals,
    hidden: false,
  }))
  const total = { row: rows, column: columns, value: sum(figures), shown: published.total, hidden: false }
  return { rows, columns, figures: [...figures, ...rowTotals, ...columnTotals, total].sort(readingOrder) }
}

function readingOrder(a: Figure, b: Figure): number {
  return a.row - b.row || a.column - b.column
}

/** Not known to a reader: hidden, or not published at all. */
function unknown(figure: Figure): boolean {
  return !figure.shown || figure.hidden
}

/** The figures on the same row and on the same column of the grid as `place`. */
function lineOf(grid: Grid, place: { row: number; column: number }): { row: Figure[]; column: Figure[] } {
  return {
    row: grid.figures.filter((figure) => figure.row === place.row),
    column: grid.figures.filter((figure) => figure.column === place.column),
  }
}

/**
 * The first hidden figure that could be worked out. The unknown figures are the edges of a graph
 * between the grid's rows and columns; the published figures fix the sum of the unknown ones on
 * each line, and an unknown figure is fixed exactly when its edge lies on no cycle of that graph,
 * that is, when its row cannot reach its column through the other unknown figures.
 */
function firstBridge(grid: Grid): Figure | undefined {
  const found = bridges(grid)
  return grid.figures.find((figure) => figure.hidden && found.has(figure))
}

/**
 * The bridges of the graph of unknown figures, by Tarjan's depth-first search: an edge is a bridge
 * when nothing below it in the search reaches back above it.
 */
function bridges(grid: Grid): Set<Figure> {
  const edges = adjacency(grid, undefined)
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const found = new Set<Figure>()
  const visit = (vertex: string, via: Figure | undefined) => {
    order.set(vertex, order.size)
    low.set(vertex, order.size - 1)
    for (const { to, figure } of edges.get(vertex) ?? []) {
      if (figure === via) continue
      if (!order.has(to)) {
        visit(to, figure)
        if ((low.get(to) ?? 0) > (order.get(vertex) ?? 0)) found.add(figure)
      }
      low.set(vertex, Math.min(low.get(vertex) ?? 0, low.get(to) ?? 0))
    }
  }
  for (const vertex of edges.keys()) if (!order.has(vertex)) visit(vertex, undefined)
  return found
}

/** Each vertex's neighbours through the unknown figures other than `without`. */
function adjacency(grid: Grid, without: Figure | undefined): Map<string, { to: string; figure: Figure }[]> {
  const edges = new Map<string, { to: string; figure: Figure }[]>()
  const link = (from: string, to: string, figure: Figure) =>
    edges.set(from, [...(edges.get(from) ?? []), { to, figure }])
  for (const figure of grid.figures) {
    if (figure === without || !unknown(figure)) continue
    link(rowNode(figure), columnNode(figure), figure)
    link(columnNode(figure), rowNode(figure), figure)
  }
  return edges
}

/** Graph nodes: a row of the grid is `r<row>`, a column `c<column>`. */
function rowNode(figure: Figure): string {
  return `r${figure.row}`
}

function columnNode(figure: Figure): string {
  return `c${figure.column}`
}

/** The nodes reachable from `start` through unknown figures other than `without`. */
function reachable(grid: Grid, start: string, without: Figure): Set<string> {
  const edges = adjacency(grid, without)
  const reached = new Set([start])
  const queue = [start]
  for (let vertex = queue.pop(); vertex !== undefined; vertex = queue.pop()) {
    for (const { to } of edges.get(vertex) ?? []) {
      if (reached.has(to)) continue
      reached.add(to)
      queue.push(to)
    }
  }
  return reached
}

/**
 * The first line (a row or column of the grid, total included) that says its hidden counts are all
 * 1: its total is published, every unknown figure on it is hidden (so at least 1, as zeros are
 * never hidden), and what the total leaves for them is exactly how many they are.
 */
function firstLineOfOnes(grid: Grid): Figure[] | undefined {
  const lines = [
    ...Array.from({ length: grid.rows + 1 }, (_, row) => lineOf(grid, { row, column: grid.columns }).row),
    ...Array.from(
      { length: grid.columns + 1 },
      (_, column) => lineOf(grid, { row: grid.rows, column }).column,
    ),
  ]
  return lines.find((line) => {
    const total = line.at(-1)
    const parts = line.slice(0, -1)
    const hidden = parts.filter(unknown)
    if (!total || unknown(total) || hidden.length < 2 || hidden.some((figure) => !figure.shown)) return false
    const left = total.value - parts.filter((figure) => !unknown(figure)).reduce((sum, f) => sum + f.value, 0)
    return left === hidden.length
  })
}

/** The figure to hide in a line of ones: its smallest published non-zero part, or else its total. */
function partnerInLine(line: Figure[]): Figure {
  const total = line.at(-1) as Figure
  const known = line.slice(0, -1).filter((figure) => !unknown(figure) && figure.value > 0)
  return known.reduce((best, figure) => (figure.value < best.value ? figure : best), known[0] ?? total)
}

/**
 * The figure to hide next so that `bridge` can no longer be worked out: the smallest of the first
 * non-empty list of candidates, in the order `suppressTable` describes. The last list, every
 * published non-zero figure, is never empty while a bridge remains, since hiding them all leaves
 * every hidden figure on a cycle (its row, its column, their totals and the grand total).
 */
function complement(grid: Grid, bridge: Figure): Figure {
  for (const candidates of candidatesFor(grid, bridge)) {
    const [first, ...rest] = candidates
    if (first) return rest.reduce((best, figure) => (figure.value < best.value ? figure : best), first)
  }
  throw new Error('Secondary suppression found nothing left to hide')
}

function candidatesFor(grid: Grid, bridge: Figure): Figure[][] {
  const known = (figures: Figure[]) => figures.filter((figure) => !unknown(figure) && figure.value > 0)
  const alone = (line: Figure[]) => line.filter(unknown).length === 1
  const everywhere = known(grid.figures)
  const line = lineOf(grid, bridge)
  if (alone(line.row)) {
    return [known(line.row.filter((figure) => figure.column < grid.columns)), known(line.row), everywhere]
  }
  if (alone(line.column)) {
    return [known(line.column.filter((figure) => figure.row < grid.rows)), known(line.column), everywhere]
  }
  const rowSide = reachable(grid, rowNode(bridge), bridge)
  const columnSide = reachable(grid, columnNode(bridge), bridge)
  const joins = (figure: Figure) =>
    (rowSide.has(rowNode(figure)) && columnSide.has(columnNode(figure))) ||
    (columnSide.has(rowNode(figure)) && rowSide.has(columnNode(figure)))
  return [everywhere.filter(joins), everywhere]
}
