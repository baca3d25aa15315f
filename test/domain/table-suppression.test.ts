import {
  type PublishedTotals,
  type ShownCount,
  type ShownTable,
  suppressList,
  suppressTable,
} from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const c = 'c'

describe('suppressTable', () => {
  it('hides a small count, the next-smallest cell of its row and column, and the fourth corner', () => {
    const shown = suppressTable([
      [3, 10, 12],
      [8, 9, 20],
      [6, 7, 15],
    ])
    expect(shown).toEqual({
      cells: [
        [c, c, 12],
        [8, 9, 20],
        [c, c, 15],
      ],
      rowTotals: [25, 37, 28],
      columnTotals: [17, 26, 47],
      total: 90,
    })
  })

  it('hides small totals, and the grand total when it alone would give the small count away', () => {
    const shown = suppressTable([
      [2, 0],
      [0, 30],
    ])
    expect(shown).toEqual({
      cells: [
        [c, 0],
        [0, 30],
      ],
      rowTotals: [c, 30],
      columnTotals: [c, 30],
      total: c,
    })
  })

  it('hides a cell that is the only link between two blocks of hidden cells, though no line has one alone', () => {
    // Rows 0 and 1 minus columns 0 and 1 would give the 1 at row 1, column 2 exactly.
    const shown = suppressTable([
      [1, 2, 20, 20],
      [3, 4, 1, 20],
      [20, 20, 2, 3],
      [20, 20, 4, 1],
    ])
    expect(shown.cells).toEqual([
      [c, c, c, 20],
      [c, c, c, 20],
      [20, 20, c, c],
      [20, 20, c, c],
    ])
    expect(shown).toMatchObject({ rowTotals: [43, 28, 45, 45], columnTotals: [44, 46, 27, 44], total: 161 })
  })

  it('hides nothing more when no totals are published', () => {
    const none = { rowTotals: false, columnTotals: false, total: false }
    expect(
      suppressTable(
        [
          [3, 10],
          [8, 9],
        ],
        none,
      ),
    ).toEqual({
      cells: [
        [c, 10],
        [8, 9],
      ],
    })
  })

  it('refuses rows of different lengths', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError)
  })
})

describe('suppressList', () => {
  it.each([
    [[3, 10, 20], [c, c, 20], 33],
    [[0, 3, 7, 0, 12], [0, c, c, 0, 12], 22],
    [[3, 4, 10], [c, c, 10], 17],
    [[3, 0, 0], [c, 0, 0], c],
    [[8, 0], [8, 0], 8],
    // Two hidden 1s beside a published 30 and total 32 would each be 1: 30 is hidden too.
    [[1, 1, 30], [c, c, c], 32],
    [[1, 1, 30, 6], [c, c, 30, c], 38],
    [[], [], 0],
  ])('shows %j as %j with total %s', (counts, shown, total) => {
    expect(suppressList(counts)).toEqual({ counts: shown, total })
  })
})

/** The table with its totals as one grid: column totals as the last row, row totals as the last column. */
function fullGrid(cells: number[][]): number[][] {
  const columns = cells[0]?.length ?? 0
  const withRowTotals = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)])
  const totals = Array.from({ length: columns + 1 }, (_, j) =>
    withRowTotals.reduce((a, row) => a + (row[j] ?? 0), 0),
  )
  return [...withRowTotals, totals]
}

/** The shown table as the same grid; `undefined` where a total is not published. */
function shownGrid(shown: ShownTable, rows: number, columns: number): (ShownCount | undefined)[][] {
  return [
    ...shown.cells.map((row, i) => [...row, shown.rowTotals?.[i]]),
    [...(shown.columnTotals ?? Array.from({ length: columns }, () => undefined)), shown.total],
  ].slice(0, rows + 1)
}

/** Every row and column of the grid, as lists of what a reader sees. */
function lines<T>(grid: T[][]): T[][] {
  const columns = grid[0]?.length ?? 0
  return [...grid, ...Array.from({ length: columns }, (_, j) => grid.map((row) => row[j] as T))]
}

/**
 * A reader's first attack: a line whose only unknown figure is hidden gives it by subtraction (a
 * line whose only unknown is an unpublished total gives just that total, which is no secret).
 */
function solvableLines(grid: (ShownCount | undefined)[][]): number {
  return lines(grid).filter((line) => {
    const unknown = line.filter((figure) => typeof figure !== 'number')
    return unknown.length === 1 && unknown[0] === 'c'
  }).length
}

const PRIME = 1_000_003

/** The rank modulo a prime; the line equations have coefficients 0 and ±1 and are totally unimodular, so it is the rank over the rationals. */
function rank(matrix: number[][]): number {
  const rows = matrix.map((row) => row.map((x) => ((x % PRIME) + PRIME) % PRIME))
  let found = 0
  const width = rows[0]?.length ?? 0
  for (let col = 0; col < width && found < rows.length; col++) {
    const pivot = rows.findIndex((row, i) => i >= found && row[col] !== 0)
    if (pivot === -1) continue
    ;[rows[found], rows[pivot]] = [rows[pivot] as number[], rows[found] as number[]]
    const top = rows[found] as number[]
    const inverse = modPow(top[col] as number, PRIME - 2)
    for (const [i, row] of rows.entries()) {
      if (i === found || row[col] === 0) continue
      const factor = ((row[col] as number) * inverse) % PRIME
      for (let k = 0; k < width; k++)
        row[k] = ((((row[k] as number) - factor * (top[k] as number)) % PRIME) + PRIME) % PRIME
    }
    found++
  }
  return found
}

function modPow(base: number, exponent: number): number {
  let result = 1
  let b = base % PRIME
  for (let e = exponent; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * b) % PRIME
    b = (b * b) % PRIME
  }
  return result
}

/**
 * A reader's best attack: every line's figures sum to its total, whatever is published fixes the
 * rest, and an unknown is worked out exactly when its unit vector lies in the span of the lines'
 * equations restricted to the unknowns. Answers the places of hidden figures that can be worked out.
 */
function recoverable(grid: (ShownCount | undefined)[][]): string[] {
  const unknowns = grid.flatMap((row, i) =>
    row.flatMap((figure, j) => (typeof figure === 'number' ? [] : [{ i, j }])),
  )
  const columns = grid[0]?.length ?? 0
  const last = { i: grid.length - 1, j: columns - 1 }
  const equations = [
    ...grid.map((_, i) => unknowns.map((u) => (u.i === i ? (u.j === last.j ? -1 : 1) : 0))),
    ...Array.from({ length: columns }, (_, j) =>
      unknowns.map((u) => (u.j === j ? (u.i === last.i ? -1 : 1) : 0)),
    ),
  ]
  const base = rank(equations)
  return unknowns
    .filter((u) => grid[u.i]?.[u.j] === 'c')
    .filter((u) => rank([...equations, unknowns.map((v) => (v === u ? 1 : 0))]) === base)
    .map((u) => `${u.i},${u.j}`)
}

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }))
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(count, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
const publishedTotals: fc.Arbitrary<PublishedTotals> = fc.record({
  rowTotals: fc.boolean(),
  columnTotals: fc.boolean(),
  total: fc.boolean(),
})

function run(cells: number[][], published: PublishedTotals) {
  const rows = cells.length
  const columns = cells[0]?.length ?? 0
  const full = fullGrid(cells)
  const shown = shownGrid(suppressTable(cells, published), rows, columns)
  const pairs = full.flatMap((row, i) => row.map((value, j) => ({ value, shown: shown[i]?.[j] })))
  return { shown, pairs }
}

describe('suppressTable properties', () => {
  it('publishes no count from 1 to 4, cell or total', () => {
    fc.assert(
      fc.property(table, publishedTotals, (cells, published) => {
        for (const { value, shown } of run(cells, published).pairs) {
          if (value >= 1 && value <= 4) expect(shown === 'c' || shown === undefined).toBe(true)
          if (typeof shown === 'number') expect(shown === 0 || shown >= 5).toBe(true)
        }
      }),
    )
  })

  it('publishes every figure it shows unchanged, shows every 0 as 0, and hides no 0', () => {
    fc.assert(
      fc.property(table, publishedTotals, (cells, published) => {
        for (const { value, shown } of run(cells, published).pairs) {
          if (typeof shown === 'number') expect(shown).toBe(value)
          if (value === 0 && shown !== undefined) expect(shown).toBe(0)
        }
      }),
    )
  })

  it('leaves no line with a single unknown figure, so no hidden figure follows by subtraction', () => {
    fc.assert(
      fc.property(table, publishedTotals, (cells, published) => {
        expect(solvableLines(run(cells, published).shown)).toBe(0)
      }),
    )
  })

  it('leaves no hidden figure that any combination of rows and columns works out exactly', () => {
    fc.assert(
      fc.property(table, publishedTotals, (cells, published) => {
        expect(recoverable(run(cells, published).shown)).toEqual([])
      }),
      { numRuns: 500 },
    )
  })

  it('leaves no line whose published total says every hidden count on it is 1', () => {
    fc.assert(
      fc.property(table, publishedTotals, (cells, published) => {
        for (const line of lines(run(cells, published).shown)) {
          const total = line.at(-1)
          const parts = line.slice(0, -1)
          const hidden = parts.filter((figure) => figure === 'c').length
          if (typeof total !== 'number' || hidden < 2 || parts.includes(undefined)) continue
          const left =
            total - parts.reduce<number>((sum, figure) => sum + (typeof figure === 'number' ? figure : 0), 0)
          expect(left).not.toBe(hidden)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('answers the same for the same table, and leaves its input alone', () => {
    fc.assert(
      fc.property(table, publishedTotals, (cells, published) => {
        const copy = structuredClone(cells)
        expect(suppressTable(cells, published)).toEqual(suppressTable(copy, published))
        expect(cells).toEqual(copy)
      }),
    )
  })
})

describe('suppressList properties', () => {
  it('shows no count from 1 to 4, changes none it shows, and never leaves one hidden figure alone', () => {
    fc.assert(
      fc.property(fc.array(count, { maxLength: 12 }), (counts) => {
        const shown = suppressList(counts)
        const figures = [...counts, counts.reduce((a, b) => a + b, 0)]
        const published = [...shown.counts, shown.total]
        for (const [i, figure] of published.entries()) {
          expect(
            figure === 'c' ? (figures[i] ?? 0) > 0 : figure === figures[i] && (figure === 0 || figure >= 5),
          ).toBe(true)
        }
        expect(published.filter((figure) => figure === 'c').length).not.toBe(1)
      }),
    )
  })
})
